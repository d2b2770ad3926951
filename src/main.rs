//! `xixia-stats`: the bundled releases, their figures and their consistency findings, from the
//! command line.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xixia_stats::chart::Lang;
use xixia_stats::check::{check, Severity};
use xixia_stats::{bundled, figures::figures, load, Error, ErrorKind, Release};

/// 西夏区 statistical releases: exact figures and consistency checks.
#[derive(Parser)]
#[command(name = "xixia-stats", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the bundled releases: id, period and title.
    List,
    /// Print every stated and computed figure of a release as JSON.
    Figures {
        /// A bundled release id (see `list`) or the path of a release JSON file.
        release: String,
    },
    /// Print the data of every chart (categories, series with exact values and printed labels,
    /// titles, units, sources) as JSON: what the public page loads from `www/data/charts.json`.
    ChartData {
        /// One line, for the web page, instead of indented.
        #[arg(long)]
        compact: bool,
        /// The language of every label and text: zh-CN or en.
        #[arg(long, default_value = "zh-CN")]
        lang: Lang,
    },
    /// Draw charts as SVG files.
    Render {
        /// A bundled release id, or `all` for every chart of every bundled release.
        #[arg(long, default_value = "all")]
        release: String,
        /// A chart id (see the chart catalogue), or `all`.
        #[arg(long, default_value = "all")]
        chart: String,
        /// Width in CSS pixels.
        #[arg(long, default_value_t = 800)]
        width: u32,
        /// standard, care (适老化: 1.5× text, high contrast, patterns), contrast or print.
        #[arg(long, default_value = "standard", value_parser = parse_mode)]
        mode: xixia_stats::chart::Mode,
        /// The folder to write `<chart>.svg` files into.
        #[arg(short = 'o', long)]
        out: std::path::PathBuf,
    },
    /// Check a release for inconsistencies. Exits 1 when any finding is an error.
    Check {
        /// A bundled release id (see `list`) or the path of a release JSON file.
        release: String,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
        /// Also print the checks that passed.
        #[arg(long)]
        all: bool,
    },
    /// Fill every <xixia-stat> of the HTML pages in a folder with its chart (SVG, summary, table,
    /// download links), so the pages read right without JavaScript; write them to another folder.
    Prerender {
        /// The folder of page templates.
        #[arg(long)]
        pages: std::path::PathBuf,
        /// Where to write the pages.
        #[arg(short = 'o', long)]
        out: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = String::new();
    let code = match run(cli.command, &mut out) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("xixia-stats: {err}");
            return ExitCode::from(2);
        }
    };
    // A closed pipe (`| head`) is not an error worth a message, and must not panic.
    let mut stdout = io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("xixia-stats: cannot write output: {err}");
            ExitCode::from(2)
        }
        _ => code,
    }
}

fn run(command: Command, out: &mut String) -> Result<ExitCode, Error> {
    use std::fmt::Write as _;
    match command {
        Command::List => {
            for release in bundled::all()? {
                let _ = writeln!(out, "{}\t{}\t{}", release.id, release.period, release.title);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Figures { release } => {
            let release = open(&release)?;
            out.push_str(&to_json(&figures(&release)));
            out.push('\n');
            Ok(ExitCode::SUCCESS)
        }
        Command::ChartData { compact, lang } => {
            let all = bundled_charts(lang)?;
            out.push_str(&if compact { serde_json::to_string(&all).unwrap_or_default() } else { to_json(&all) });
            out.push('\n');
            Ok(ExitCode::SUCCESS)
        }
        Command::Render { release, chart, width, mode, out: dir } => {
            let releases = bundled::all()?;
            std::fs::create_dir_all(&dir).map_err(|err| Error::from(ErrorKind::Io { origin: dir.display().to_string(), message: err.to_string() }))?;
            let mut drawn = 0;
            for info in xixia_stats::chart::CATALOGUE.iter().filter(|c| (chart == "all" || c.id == chart) && (release == "all" || c.release == release)) {
                let Some(home) = releases.iter().find(|r| r.id == info.release) else { continue };
                let svg = xixia_stats::chart::build(info.id, home, &releases)
                    .and_then(|data| xixia_stats::chart::render_with(&data, width, &xixia_stats::chart::Options { mode, ids: info.id.to_owned() }))
                    .map_err(|err| Error::from(ErrorKind::Io { origin: info.id.to_owned(), message: err.to_string() }))?
                    .svg;
                let path = dir.join(format!("{}.svg", info.id));
                std::fs::write(&path, svg).map_err(|err| Error::from(ErrorKind::Io { origin: path.display().to_string(), message: err.to_string() }))?;
                let _ = writeln!(out, "{}", path.display());
                drawn += 1;
            }
            if drawn == 0 {
                return Err(ErrorKind::UnknownRelease { id: format!("{release}/{chart}"), bundled: bundled::ids().iter().map(|id| id.to_string()).collect() }.into());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { release, json, all } => {
            let release = open(&release)?;
            let report = check(&release);
            if json {
                out.push_str(&to_json(&report));
                out.push('\n');
            } else {
                let _ = writeln!(out, "{}（{}）", report.title, report.release);
                for finding in report.findings.iter().filter(|f| all || f.severity != Severity::Ok) {
                    let _ = writeln!(out, "{finding}");
                }
                let _ = writeln!(
                    out,
                    "错误 {}，警告 {}，提示 {}，通过 {}",
                    report.count(Severity::Error),
                    report.count(Severity::Warning),
                    report.count(Severity::Info),
                    report.count(Severity::Ok)
                );
            }
            Ok(if report.count(Severity::Error) > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Prerender { pages, out: dir } => {
            let mut charts = bundled_charts(Lang::Zh)?;
            charts.extend(bundled_charts(Lang::En)?);
            std::fs::create_dir_all(&dir).map_err(io(&dir))?;
            let mut entries: Vec<_> = std::fs::read_dir(&pages).map_err(io(&pages))?.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "html")).collect();
            entries.sort();
            for template in entries {
                let html = std::fs::read_to_string(&template).map_err(io(&template))?;
                let page = xixia_stats::prerender::page(&html, &charts).map_err(|err| Error::from(ErrorKind::Io { origin: template.display().to_string(), message: err.to_string() }))?;
                let target = dir.join(template.file_name().unwrap_or_default());
                std::fs::write(&target, page).map_err(io(&target))?;
                let _ = writeln!(out, "{}", target.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// An I/O error at `path`, for `map_err`.
fn io(path: &Path) -> impl Fn(io::Error) -> Error + '_ {
    move |err| Error::from(ErrorKind::Io { origin: path.display().to_string(), message: err.to_string() })
}

/// Every chart of the bundled releases, in `lang`.
fn bundled_charts(lang: Lang) -> Result<Vec<xixia_stats::chart::ChartData>, Error> {
    let releases = bundled::all()?;
    let mut all = Vec::new();
    for info in xixia_stats::chart::CATALOGUE {
        let Some(home) = releases.iter().find(|r| r.id == info.release) else { continue };
        let data = xixia_stats::chart::build_in(info.id, home, &releases, lang).map_err(|err| Error::from(ErrorKind::Io { origin: info.id.to_owned(), message: err.to_string() }))?;
        all.push(data);
    }
    Ok(all)
}

/// A bundled release by id, or else a release file by path.
fn open(name: &str) -> Result<Release, Error> {
    if bundled::json(name).is_some() {
        return bundled::release(name);
    }
    let path = Path::new(name);
    if !path.exists() {
        return Err(ErrorKind::UnknownRelease {
            id: name.to_owned(),
            bundled: bundled::ids().iter().map(|id| id.to_string()).collect(),
        }
        .into());
    }
    let io_error = |err: io::Error| Error::from(ErrorKind::Io { origin: name.to_owned(), message: err.to_string() });
    let size = path.metadata().map_err(io_error)?.len();
    if size > load::MAX_BYTES as u64 {
        return Err(ErrorKind::TooLarge { origin: name.to_owned(), bytes: usize::try_from(size).unwrap_or(usize::MAX), limit: load::MAX_BYTES }.into());
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    let text = String::from_utf8(bytes).map_err(|err| {
        Error::from(ErrorKind::Io { origin: name.to_owned(), message: format!("not UTF-8 text (byte {})", err.utf8_error().valid_up_to()) })
    })?;
    load::from_json(&text, name)
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|err| format!("{{\"error\": \"cannot serialize: {err}\"}}"))
}

fn parse_mode(text: &str) -> Result<xixia_stats::chart::Mode, String> {
    xixia_stats::chart::Mode::parse(text).ok_or_else(|| format!("unknown mode '{text}': standard, care, contrast or print"))
}
