//! `xixia-stats`: the bundled releases, their figures and their consistency findings, from the
//! command line.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xixia_stats::chart::{wire, ChartData, Lang};
use xixia_stats::check::{check, Severity};
use xixia_stats::import::{Format as DraftFormat, Imported};
use xixia_stats::site::Site;
use xixia_stats::{figures::figures, load, Error, ErrorKind, Release};

/// 西夏区 statistical releases: exact figures and consistency checks.
#[derive(Parser)]
#[command(name = "xixia-stats", version, about)]
struct Cli {
    /// The site's content folder: `releases/*.json` and the chart specification `charts.json`
    /// (docs/data-format.md) [default: the demo's folder `data/`, as bundled into this program].
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the bundled releases: id, period and title.
    List,
    /// Print every stated and computed figure of a release as JSON.
    Figures {
        /// A bundled release id (see `list`), or the path of a release JSON file, a CSV draft
        /// (.csv) or bulletin prose (.txt, .md).
        release: String,
    },
    /// Print the data of every chart (categories, series with exact values and printed labels,
    /// titles, units, sources) as JSON: what the public page loads, one release at a time, from
    /// `www/data/charts/<release>.bin` (`--split`).
    ChartData {
        /// One line instead of indented (the JSON printed, and `index.json`).
        #[arg(long)]
        compact: bool,
        /// Write the public page's files into this folder instead of printing: `<release>.bin`
        /// and `<release>.en.bin` (each release's charts, in Chinese and in English, so a page
        /// loads only the releases it shows; a compact binary form, docs/publishing.md) and
        /// `index.json` (the releases, their aliases such as `latest-bulletin`, and their
        /// charts' ids).
        #[arg(long, value_name = "DIR")]
        split: Option<std::path::PathBuf>,
        /// The language of every label and text: zh-CN or en.
        #[arg(long, default_value = "zh-CN")]
        lang: Lang,
    },
    /// Write charts as files: standalone SVG, CSV of each chart's data, or the release as
    /// JSON-stat 2.0.
    Render {
        /// A bundled release id, `all` for every bundled release, or the path of a release file
        /// (our JSON or JSON-stat 2.0), or of a draft (the CSV template, bulletin prose).
        #[arg(long, default_value = "all")]
        release: String,
        /// A chart id (see the chart catalogue, or a draft's charts), or `all`.
        #[arg(long, default_value = "all")]
        chart: String,
        /// Render the release as a draft: every chart it allows, each marked 征求意见稿 (always so
        /// for a CSV or text file).
        #[arg(long)]
        draft: bool,
        /// svg (standalone), png, csv (one chart's data, for spreadsheets) or jsonstat (the whole
        /// release, written once as `<release>.jsonstat.json`).
        #[arg(long, value_enum, default_value_t = Format::Svg)]
        format: Format,
        /// The language of every label and text: zh-CN or en.
        #[arg(long, default_value = "zh-CN")]
        lang: Lang,
        /// Width in CSS pixels (svg, png).
        #[arg(long, default_value_t = 800)]
        width: u32,
        /// standard, care (适老化: 1.5× text, high contrast, patterns), contrast or print (svg, png).
        #[arg(long, default_value = "standard", value_parser = parse_mode)]
        mode: xixia_stats::chart::Mode,
        /// Device pixels per CSS pixel (png): 2 makes an 800-px chart 1600 px wide.
        #[arg(long, default_value_t = 2)]
        scale: u32,
        /// The CJK font for PNG text (.ttc, .otf or .ttf) [default: Debian's fonts-noto-cjk,
        /// /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc].
        #[arg(long)]
        font: Option<std::path::PathBuf>,
        /// Its bold face [default: NotoSansCJK-Bold.ttc with the default font; with --font, bold
        /// is drawn from the regular face].
        #[arg(long)]
        font_bold: Option<std::path::PathBuf>,
        /// Write each release's files into a folder of its own, `<out>/<release>/` (as the site
        /// serves its downloads), so one run renders every release.
        #[arg(long)]
        by_release: bool,
        /// The folder to write `<chart>.<format>` files into.
        #[arg(short = 'o', long)]
        out: std::path::PathBuf,
    },
    /// Check a release for inconsistencies. Exits 1 when any finding is an error.
    Check {
        /// A bundled release id (see `list`), or the path of a release JSON file, a CSV draft
        /// (.csv) or bulletin prose (.txt, .md).
        release: String,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
        /// Also print the checks that passed.
        #[arg(long)]
        all: bool,
    },
    /// Read a draft release — our JSON (or JSON-stat), the CSV template (docs/import.md) or
    /// bulletin prose — and print it as a release in our JSON format. What was not read (rows or
    /// sentences with figures, with their character spans) and the defaults taken go to stderr.
    /// Exits 2 when nothing can be read.
    Import {
        /// The draft's path, or `-` for standard input. UTF-8 (with or without a byte-order mark)
        /// or GBK.
        path: String,
        /// json, csv or text [default: by content: `{` is JSON, the template's header is CSV, else
        /// text].
        #[arg(long, value_parser = parse_draft_format)]
        format: Option<DraftFormat>,
        /// One line instead of indented.
        #[arg(long)]
        compact: bool,
        /// How stderr gives the import report: text (Chinese lines, the default) or json.
        #[arg(long, value_name = "FORM", num_args = 0..=1, default_value = "text", default_missing_value = "text", value_parser = ["text", "json"])]
        report: String,
    },
    /// Compare a draft with the published release it revises: changed figures (published →
    /// draft), indicators added and removed. Exits 1 when anything differs.
    Diff {
        /// The draft: a release JSON, the CSV template or bulletin prose (as `import` reads it), or
        /// a bundled release id.
        draft: String,
        /// The bundled release id to compare with [default: the one with most indicators in common].
        #[arg(long)]
        against: Option<String>,
        /// Print the differences as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fill every <xixia-stat> of the HTML pages in a folder with its chart (SVG, summary, table,
    /// download links), so the pages read right without JavaScript; write them to another folder.
    /// Publish a draft into a served site folder (what `make build` writes: `www/`), with no
    /// rebuild: the release file (with its version and dates) into `data/content/releases/`, the
    /// earlier version kept under `versions/`, its chart data, the list of releases, its downloads
    /// and each chart's no-JavaScript embed (docs/publishing.md). Says what changes on the site.
    /// Refuses a draft with error findings unless `--confirm`. Exits 1 when refused.
    Publish {
        /// The draft: a release JSON, the CSV template or bulletin prose (as `import` reads it).
        draft: String,
        /// The served site folder; its `data/content/` is the site's content folder.
        #[arg(long)]
        site: std::path::PathBuf,
        /// Write the files into this zip (paths relative to the site folder) instead of the folder.
        #[arg(long)]
        zip: Option<std::path::PathBuf>,
        /// The publication date, YYYY-MM-DD [default: today].
        #[arg(long)]
        date: Option<String>,
        /// Publish although the checker finds errors in the draft (they are listed).
        #[arg(long)]
        confirm: bool,
        /// Only say what would change.
        #[arg(long)]
        dry_run: bool,
        /// Leave out the PNG downloads (faster; the SVG, CSV and JSON-stat downloads stay).
        #[arg(long)]
        no_png: bool,
    },
    Prerender {
        /// The folder of page templates.
        #[arg(long)]
        pages: std::path::PathBuf,
        /// Where to write the pages.
        #[arg(short = 'o', long)]
        out: std::path::PathBuf,
        /// Only make each <xixia-release> into its sections (and the links and lists of charts),
        /// leaving every <xixia-stat> empty: the page as the component alone would fill it.
        #[arg(long)]
        expand_only: bool,
    },
    /// Print a chart data file of the public page (`data/charts/<release>.bin`) as JSON, to see
    /// what a site serves.
    UnpackCharts {
        file: std::path::PathBuf,
    },
    /// Write chart data JSON (as `chart-data` or `unpack-charts` print it) as the file the public
    /// page loads, e.g. charts edited by hand for a test.
    PackCharts {
        json: std::path::PathBuf,
        #[arg(short = 'o', long)]
        out: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = String::new();
    let code = match run(cli.command, cli.data.as_deref(), &mut out) {
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

/// The site folder `--data` names, or the bundled demo content.
fn site(data: Option<&Path>) -> Result<Site, Error> {
    match data {
        Some(dir) => Site::load(dir),
        None => Site::bundled(),
    }
}

fn run(command: Command, data: Option<&Path>, out: &mut String) -> Result<ExitCode, Error> {
    use std::fmt::Write as _;
    match command {
        Command::List => {
            for release in site(data)?.releases {
                let _ = writeln!(out, "{}\t{}\t{}", release.id, release.period, release.title);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Figures { release } => {
            let release = open(&site(data)?, &release)?;
            out.push_str(&to_json(&figures(&release)));
            out.push('\n');
            Ok(ExitCode::SUCCESS)
        }
        Command::ChartData { compact, lang, split: Some(dir) } => {
            let site = site(data)?;
            for path in write_split(&site, &dir, compact)? {
                let _ = writeln!(out, "{}", path.display());
            }
            let _ = lang;
            Ok(ExitCode::SUCCESS)
        }
        Command::ChartData { compact, lang, split: None } => {
            let (all, not_applied) = site(data)?.charts_and_notes(lang)?;
            for note in not_applied {
                eprintln!("xixia-stats: note: {note}");
            }
            out.push_str(&if compact { serde_json::to_string(&all).unwrap_or_default() } else { to_json(&all) });
            out.push('\n');
            Ok(ExitCode::SUCCESS)
        }
        Command::Render { release, chart, draft, format, lang, width, mode, scale, font, font_bold, by_release, out: dir } => {
            let request = Render { chart, draft, format, lang, width, mode, scale, font, font_bold, by_release };
            for path in render(&site(data)?, &release, &request, &dir)? {
                let _ = writeln!(out, "{}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { release, json, all } => {
            let release = open(&site(data)?, &release)?;
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
        Command::Import { path, format, compact, report } => {
            let (text, origin) = read_draft(&path)?;
            let imported = xixia_stats::import::import(&text, format, &origin)?;
            let release = &imported.release;
            if release.facts.is_empty() && release.ratios.is_empty() && release.tables.is_empty() {
                eprint!("{}", report_text(&imported));
                let message = format!("没有读到任何指标（未读 {} 处）", imported.report.unparsed.len());
                return Err(ErrorKind::Import { origin, place: "全文".into(), message }.into());
            }
            let json = if compact { serde_json::to_string(&imported.release).unwrap_or_default() } else { to_json(&imported.release) };
            out.push_str(&json);
            out.push('\n');
            eprint!("{}", if report == "json" { format!("{}\n", to_json(&ImportReport::of(&imported))) } else { report_text(&imported) });
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { draft, against, json } => {
            let site = site(data)?;
            let draft = match site.release(&draft) {
                Some(release) => release.clone(),
                None => read_release(&draft)?,
            };
            let published = &site.releases;
            let against = match against {
                Some(id) => site.release(&id).ok_or_else(|| Error::from(ErrorKind::UnknownRelease { id, bundled: ids(&site) }))?,
                None => xixia_stats::diff::closest(&draft, published).ok_or_else(|| {
                    Error::from(ErrorKind::Import { origin: draft.id.clone(), place: "全文".into(), message: "没有一个指标与已发布的版本相同，无从比较；请用 --against 指定".into() })
                })?,
            };
            let diff = xixia_stats::diff::compare(&draft, against);
            if json {
                out.push_str(&to_json(&diff));
                out.push('\n');
            } else {
                out.push_str(&diff_text(&diff, &against.title));
            }
            Ok(if diff.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::UnpackCharts { file } => {
            let bytes = std::fs::read(&file).map_err(io(&file))?;
            let charts = wire::decode(&bytes).map_err(chart_file(&file))?;
            out.push_str(&to_json(&charts));
            out.push('\n');
            Ok(ExitCode::SUCCESS)
        }
        Command::PackCharts { json, out: path } => {
            let text = std::fs::read_to_string(&json).map_err(io(&json))?;
            let charts: Vec<ChartData> = serde_json::from_str(&text).map_err(|err| load::syntax_error(&json.display().to_string(), &err))?;
            write_atomically(&path, &wire::encode(&charts).map_err(chart_file(&path))?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish { draft, site: dir, zip, date, confirm, dry_run, no_png } => publish(&dir, &draft, zip.as_deref(), date, confirm, dry_run, no_png, out),
        Command::Prerender { pages, out: dir, expand_only } => {
            let site = site(data)?;
            let mut charts = site.charts(Lang::Zh)?;
            charts.extend(site.charts(Lang::En)?);
            std::fs::create_dir_all(&dir).map_err(io(&dir))?;
            let entries = html_files(&pages)?;
            for template in entries {
                let html = std::fs::read_to_string(&template).map_err(io(&template))?;
                let made = if expand_only { xixia_stats::prerender::expand(&html, &site.releases, &charts).map(|page| (page, Vec::new())) } else { xixia_stats::prerender::site_page_with_images(&html, &site.releases, &charts) };
                let (page, images) = made.map_err(|err| Error::from(ErrorKind::Io { origin: template.display().to_string(), message: err.to_string() }))?;
                // The images of the charts a page draws later, for readers without JavaScript.
                for (relative, svg) in images {
                    let target = dir.join(&relative);
                    if let Some(parent) = target.parent() {
                        std::fs::create_dir_all(parent).map_err(io(parent))?;
                    }
                    std::fs::write(&target, svg).map_err(io(&target))?;
                }
                let target = dir.join(template.file_name().unwrap_or_default());
                std::fs::write(&target, page).map_err(io(&target))?;
                let _ = writeln!(out, "{}", target.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `xixia-stats publish`: the draft into the site folder `dir` (or a zip), nothing written when
/// anything fails or the draft is refused.
#[allow(clippy::too_many_arguments)]
fn publish(dir: &Path, draft: &str, zip: Option<&Path>, date: Option<String>, confirm: bool, dry_run: bool, no_png: bool, out: &mut String) -> Result<ExitCode, Error> {
    use std::fmt::Write as _;
    use xixia_stats::publish::{self, CONTENT};
    let content = dir.join(CONTENT);
    if !content.join("releases").is_dir() {
        return Err(ErrorKind::Io { origin: dir.display().to_string(), message: format!("not a served site folder: it has no {CONTENT}/releases/ (make build writes one)") }.into());
    }
    // A release file of the site that does not read is left alone, and said (below).
    let (site, skipped) = Site::load_skipping(&content, Path::new(CONTENT))?;
    let (text, origin) = read_draft(draft)?;
    let release = xixia_stats::import::import(&text, None, &origin)?.release;
    let date = date.unwrap_or_else(today);
    // The page templates the build made the site's pages from, when the site keeps them.
    let pages_dir = content.join("pages");
    let mut pages = Vec::new();
    if pages_dir.is_dir() {
        for path in html_files(&pages_dir)? {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            pages.push((name, std::fs::read_to_string(&path).map_err(io(&path))?));
        }
    }
    // The version a revision replaces is kept as the site has it, byte for byte.
    let file = |path: &str| publish::safe_path(path).then(|| std::fs::read(dir.join(path)).ok()).flatten();
    let has = |path: &str| publish::safe_path(path) && dir.join(path).is_file();
    let mut publication = publish::publish(&site, release, &date, &publish::Served { pages: &pages, file: &file, has: &has, skipped: &skipped })?;
    // PNG downloads, drawn natively with the CJK font (the preview's publication has them drawn
    // by the browser from the SVG downloads; docs/publishing.md).
    if let (false, Ok(fonts)) = (no_png, xixia_stats::chart::Fonts::noto()) {
        for data in &publication.charts {
            let options = xixia_stats::chart::Options { mode: xixia_stats::chart::Mode::Standard, ids: data.id.clone() };
            if let Ok(png) = xixia_stats::chart::render_png(data, 800, &options, &fonts, 2) {
                publication.files.push((format!("data/export/{}/{}/{}.png", data.lang.code(), data.release, data.id), png.bytes));
            }
        }
    }
    for change in &publication.changes {
        let _ = writeln!(out, "{change}");
    }
    for skipped in &publication.skipped {
        let _ = writeln!(out, "跳过：{skipped}");
    }
    if !publication.errors.is_empty() {
        let _ = writeln!(out, "草稿有{}处错误：", publication.errors.len());
        for error in &publication.errors {
            let _ = writeln!(out, "  {error}");
        }
        if !confirm {
            let _ = writeln!(out, "未发布：确认无误后加 --confirm 再发布。");
            return Ok(ExitCode::from(1));
        }
    }
    if let Some(bad) = publication.files.iter().find(|(path, _)| !publish::safe_path(path)) {
        return Err(ErrorKind::Io { origin: bad.0.clone(), message: "a path outside the site folder".into() }.into());
    }
    if dry_run {
        for (path, bytes) in &publication.files {
            let _ = writeln!(out, "{path}\t{} B", bytes.len());
        }
        return Ok(ExitCode::SUCCESS);
    }
    match zip {
        Some(zip) => {
            let bytes = publish::zip(&publication.files)?;
            write_atomically(zip, &bytes)?;
            let _ = writeln!(out, "{}\t{} files", zip.display(), publication.files.len());
        }
        None => {
            // Every file beside its place first, then each renamed into place: a failure part-way
            // leaves temporary files only, never a half-written release.
            let mut staged = Vec::new();
            for (path, bytes) in &publication.files {
                let target = dir.join(path);
                let parent = target.parent().unwrap_or(dir);
                std::fs::create_dir_all(parent).map_err(io(parent))?;
                let tmp = parent.join(format!(".{}.publishing", target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()));
                std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
                staged.push((tmp, target));
            }
            for (tmp, target) in &staged {
                std::fs::rename(tmp, target).map_err(io(target))?;
                let _ = writeln!(out, "{}", target.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The page templates of a folder: its `.html` files, in name order.
fn html_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, Error> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir).map_err(io(dir))?.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "html")).collect();
    paths.sort();
    Ok(paths)
}

/// Writes `bytes` to `path` through a temporary file beside it.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

/// Today's date in UTC, YYYY-MM-DD.
fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0) as i64;
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// An I/O error at `path`, for `map_err`.
fn io(path: &Path) -> impl Fn(io::Error) -> Error + '_ {
    move |err| Error::from(ErrorKind::Io { origin: path.display().to_string(), message: err.to_string() })
}

/// The public page's chart data, one file per release and language (`<release>.bin`,
/// `<release>.en.bin`: `chart::wire`), and the index of releases, JSON (`chart-data --split DIR`).
/// Each file is written beside its place and renamed, so a reader never sees half a file.
fn write_split(site: &Site, dir: &Path, compact: bool) -> Result<Vec<std::path::PathBuf>, Error> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let (zh, notes) = site.charts_and_notes(Lang::Zh)?;
    for note in notes {
        eprintln!("xixia-stats: note: {note}");
    }
    let en = site.charts(Lang::En)?;
    let mut written = Vec::new();
    let mut put = |name: String, bytes: Vec<u8>| -> Result<(), Error> {
        let path = dir.join(&name);
        write_atomically(&path, &bytes)?;
        written.push(path);
        Ok(())
    };
    for release in &site.releases {
        for (lang, charts) in [(Lang::Zh, &zh), (Lang::En, &en)] {
            let own: Vec<ChartData> = charts.iter().filter(|c| c.release == release.id).cloned().collect();
            let name = wire::file_name(&release.id, lang);
            let bytes = wire::encode(&own).map_err(chart_file(&dir.join(&name)))?;
            put(name, bytes)?;
        }
    }
    let index = serde_json::json!({ "releases": site.index(&zh) });
    let json = if compact { erased::Json::compact(&index) } else { erased::Json::pretty(&index) };
    put("index.json".into(), (json + "\n").into_bytes())?;
    Ok(written)
}

/// A chart data file's error at `path`, for `map_err`.
fn chart_file(path: &Path) -> impl Fn(wire::WireError) -> Error + '_ {
    move |err| Error::from(ErrorKind::ChartFile { origin: path.display().to_string(), message: err.to_string() })
}

/// JSON text of any serializable value, compact or indented.
mod erased {
    pub trait Json {
        fn compact(&self) -> String;
        fn pretty(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn compact(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
        fn pretty(&self) -> String {
            serde_json::to_string_pretty(self).unwrap_or_default()
        }
    }
}

/// The ids of a site's releases, for messages.
fn ids(site: &Site) -> Vec<String> {
    site.releases.iter().map(|r| r.id.clone()).collect()
}

/// What `render` writes.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Svg,
    Png,
    Csv,
    Jsonstat,
}

/// The options of `render` besides the release and the folder.
struct Render {
    chart: String,
    draft: bool,
    format: Format,
    lang: Lang,
    width: u32,
    mode: xixia_stats::chart::Mode,
    scale: u32,
    font: Option<std::path::PathBuf>,
    font_bold: Option<std::path::PathBuf>,
    by_release: bool,
}

impl Render {
    /// The fonts PNG text is drawn with: the given files, or Debian's Noto Sans CJK.
    fn fonts(&self) -> Result<xixia_stats::chart::Fonts, Error> {
        use xixia_stats::chart::Fonts;
        let font_error = |err: xixia_stats::chart::FontError| export_error("png", &err.to_string());
        let fonts = match &self.font {
            Some(path) => Fonts::load(path).map_err(font_error)?,
            None => Fonts::noto().map_err(font_error)?,
        };
        match &self.font_bold {
            Some(path) => fonts.with_bold(path).map_err(font_error),
            None => Ok(fonts),
        }
    }
}

/// Writes the requested files into `dir` and returns their paths. A draft (`--draft`, or a CSV or
/// text file, which can only be a draft) gets every chart `chart::draft_charts` makes of it, each
/// marked 征求意见稿; a published release gets its catalogue charts.
fn render(site: &Site, release: &str, request: &Render, dir: &Path) -> Result<Vec<std::path::PathBuf>, Error> {
    use xixia_stats::chart::{self, ChartData};
    // Fonts first: a missing font is reported before anything is written.
    let fonts = if request.format == Format::Png { Some(request.fonts()?) } else { None };
    // Every release of the site is at hand for charts that compare releases; a release read from
    // a file takes the place of the site's one with the same id.
    let mut releases = site.releases.clone();
    let draft = request.draft || draft_format(Path::new(release)).is_some();
    let selected: Vec<String> = if release == "all" && !draft {
        releases.iter().map(|r| r.id.clone()).collect()
    } else if let (Some(known), false) = (site.release(release), draft) {
        vec![known.id.clone()]
    } else {
        let mut loaded = open(site, release)?;
        if draft {
            loaded.footnotes.push(xixia_stats::Footnote { id: "征求意见稿".into(), text: format!("{}：本数据为草稿，不得作为正式发布数据。", chart::DRAFT_MARK.0) });
            if request.format == Format::Jsonstat {
                return Ok(vec![write_jsonstat(&loaded, request.lang, dir)?]);
            }
            let charts = chart::draft_charts_in(&site.spec, &loaded, &releases, request.lang, 0, chart::MAX_DRAFT_CHARTS).charts;
            let chosen: Vec<&ChartData> = charts.iter().filter(|c| request.chart == "all" || c.id == request.chart).collect();
            if chosen.is_empty() {
                let known = charts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ");
                return Err(export_error(&request.chart, &format!("no such chart in the draft {}; its charts: {}", release, if known.is_empty() { "none" } else { &known })));
            }
            return write_charts(&chosen, request, fonts.as_ref(), dir);
        }
        let id = loaded.id.clone();
        releases.retain(|r| r.id != id);
        releases.push(loaded);
        vec![id]
    };
    let site = Site::new(releases, site.spec.clone())?;
    let all = site.charts(request.lang)?;
    let charts: Vec<&ChartData> = all.iter().filter(|c| (request.chart == "all" || c.id == request.chart) && selected.contains(&c.release)).collect();
    if request.chart != "all" && charts.is_empty() {
        let known = all.iter().filter(|c| selected.contains(&c.release)).map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ");
        return Err(export_error(&request.chart, &format!("no such chart in {}; charts: {}", selected.join(", "), if known.is_empty() { "none" } else { &known })));
    }
    // With --by-release, each release into a folder of its own, `<dir>/<release>/`, as the site
    // serves them.
    let every = request.by_release;
    let folder = |id: &str| if every { dir.join(id) } else { dir.to_path_buf() };
    if request.format == Format::Jsonstat {
        let chosen: Vec<&Release> = site.releases.iter().filter(|r| selected.contains(&r.id) && (request.chart == "all" || charts.iter().any(|c| c.release == r.id))).collect();
        return chosen.iter().map(|r| write_jsonstat(r, request.lang, &folder(&r.id))).collect();
    }
    if every {
        let mut written = Vec::new();
        for id in &selected {
            let own: Vec<&ChartData> = charts.iter().copied().filter(|c| c.release == *id).collect();
            written.extend(write_charts(&own, request, fonts.as_ref(), &folder(id))?);
        }
        return Ok(written);
    }
    if charts.is_empty() {
        return Err(export_error(&selected.join(", "), "this release has no chart"));
    }
    // One file per chart id: two releases with a chart of one id are rendered one at a time.
    for (i, chart) in charts.iter().enumerate() {
        if let Some(other) = charts[..i].iter().find(|c| c.id == chart.id) {
            return Err(export_error(&chart.id, &format!("releases {} and {} both have this chart: render them one at a time (--release)", other.release, chart.release)));
        }
    }
    write_charts(&charts, request, fonts.as_ref(), dir)
}

/// Writes each chart in the requested format (SVG, PNG or CSV) into `dir`.
fn write_charts(charts: &[&xixia_stats::chart::ChartData], request: &Render, fonts: Option<&xixia_stats::chart::Fonts>, dir: &Path) -> Result<Vec<std::path::PathBuf>, Error> {
    use xixia_stats::{chart, export};
    let mut written = Vec::new();
    for data in charts {
        let options = chart::Options { mode: request.mode, ids: data.id.clone() };
        let (extension, bytes) = match (request.format, fonts) {
            (Format::Csv, _) => ("csv", export::csv::to_csv(data)?),
            (Format::Png, Some(fonts)) => {
                let png = chart::render_png(data, request.width, &options, fonts, request.scale).map_err(|err| export_error(&data.id, &err.to_string()))?;
                ("png", png.bytes)
            }
            _ => {
                let drawn = chart::render_with(data, request.width, &options).map_err(|err| export_error(&data.id, &err.to_string()))?;
                ("svg", export::standalone_svg(&drawn.svg, data).into_bytes())
            }
        };
        written.push(write_file(dir, &format!("{}.{extension}", data.id), &bytes)?);
    }
    Ok(written)
}

fn write_jsonstat(release: &Release, lang: xixia_stats::chart::Lang, dir: &Path) -> Result<std::path::PathBuf, Error> {
    write_file(dir, &format!("{}.jsonstat.json", release.id), xixia_stats::export::jsonstat::from_release_in(release, lang)?.as_bytes())
}

/// Writes `bytes` to `dir/name`, making `dir` first.
fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf, Error> {
    std::fs::create_dir_all(dir).map_err(|err| export_error(&dir.display().to_string(), &err.to_string()))?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|err| export_error(&path.display().to_string(), &err.to_string()))?;
    Ok(path)
}

fn export_error(what: &str, message: &str) -> Error {
    ErrorKind::Export { what: what.to_owned(), message: message.to_owned() }.into()
}

/// A bundled release by id, or else a file by path: a release in JSON, or a draft as the CSV
/// template (`.csv`) or bulletin prose (`.txt`, `.md`).
fn open(site: &Site, name: &str) -> Result<Release, Error> {
    if let Some(release) = site.release(name) {
        return Ok(release.clone());
    }
    let path = Path::new(name);
    if !path.exists() {
        return Err(ErrorKind::UnknownRelease {
            id: name.to_owned(),
            bundled: ids(site),
        }
        .into());
    }
    let (text, _) = read_draft(name)?;
    // The CSV template and bulletin prose are read as `import` reads them; everything else is a
    // release in JSON (ours or JSON-stat), whose errors say so.
    match draft_format(path) {
        Some(format) => Ok(xixia_stats::import::import(&text, Some(format), name)?.release),
        None => load::from_json(&text, name),
    }
}

/// The draft format a file's extension says: `.csv` the template, `.txt`/`.md` bulletin prose.
fn draft_format(path: &Path) -> Option<DraftFormat> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "csv" => Some(DraftFormat::Csv),
        "txt" | "md" | "text" => Some(DraftFormat::Text),
        _ => None,
    }
}

/// A draft from a file or standard input, read as `import` reads it.
fn read_release(path: &str) -> Result<Release, Error> {
    let (text, origin) = read_draft(path)?;
    Ok(xixia_stats::import::import(&text, None, &origin)?.release)
}

/// The differences as lines: what changed (published → draft), then what was added and removed.
fn diff_text(diff: &xixia_stats::diff::Diff, published: &str) -> String {
    use std::fmt::Write as _;
    let mut out = format!("与已发布的《{published}》（{}）比较\n", diff.published);
    for change in &diff.changed {
        let note = change.note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
        let _ = writeln!(out, "[修改] {}的{}：{} → {}{note}", change.name, change.label, or_none(&change.published), or_none(&change.draft));
    }
    for ratio in &diff.ratios {
        let _ = match (ratio.published.is_empty(), ratio.draft.is_empty()) {
            (true, _) => writeln!(out, "[新增] {}：{}", ratio.name, ratio.draft),
            (_, true) => writeln!(out, "[删除] {}：{}", ratio.name, ratio.published),
            _ => writeln!(out, "[修改] {}：{} → {}", ratio.name, ratio.published, ratio.draft),
        };
    }
    for cell in &diff.cells {
        let _ = writeln!(out, "[修改] 表「{}」{}·{}：{} → {}", cell.table, cell.row, cell.column, or_none(&cell.published), or_none(&cell.draft));
    }
    for title in &diff.tables_added {
        let _ = writeln!(out, "[新增] 表「{title}」");
    }
    for title in &diff.tables_removed {
        let _ = writeln!(out, "[删除] 表「{title}」");
    }
    for entry in &diff.added {
        let _ = writeln!(out, "[新增] {}：{}", entry.name, entry.figures);
    }
    for entry in &diff.removed {
        let _ = writeln!(out, "[删除] {}：{}", entry.name, entry.figures);
    }
    let _ = writeln!(out, "修改 {}，新增 {}，删除 {}，相同 {}", diff.changed.len() + diff.ratios.len() + diff.cells.len(), diff.added.len() + diff.tables_added.len(), diff.removed.len() + diff.tables_removed.len(), diff.unchanged);
    out
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "（无）" } else { text }
}

/// A draft's text and the name errors give it, read by the library's one draft reader
/// (`xixia_stats::draft`), with a note on stderr when it was GBK.
fn read_draft(path: &str) -> Result<(String, String), Error> {
    let draft = xixia_stats::draft::read(path)?;
    if draft.gbk {
        eprintln!("xixia-stats: {}: 不是 UTF-8，按 GBK 编码读取", draft.origin);
    }
    Ok((draft.text, draft.origin))
}

/// What `--report json` prints on stderr.
#[derive(serde::Serialize)]
struct ImportReport<'a> {
    format: DraftFormat,
    facts: usize,
    #[serde(flatten)]
    report: &'a xixia_stats::import::Report,
}

impl ImportReport<'_> {
    fn of(imported: &Imported) -> ImportReport<'_> {
        ImportReport { format: imported.format, facts: imported.release.facts.len(), report: &imported.report }
    }
}

/// The import report as Chinese lines: what was read, what was not (with its characters), notes.
fn report_text(imported: &Imported) -> String {
    use std::fmt::Write as _;
    let release = &imported.release;
    let form = match imported.format {
        DraftFormat::Json => "JSON",
        DraftFormat::Csv => "CSV模板",
        DraftFormat::Text => "公报文本",
    };
    let mut text = format!(
        "按{form}读取：{}个指标，{}个分组，{}个结构比，{}张表；未读 {} 处\n",
        release.facts.len(),
        release.breakdowns.len(),
        release.ratios.len(),
        release.tables.len(),
        imported.report.unparsed.len()
    );
    for unparsed in &imported.report.unparsed {
        let _ = writeln!(text, "未读（第{}-{}个字符，{}）：「{}」", unparsed.span.start, unparsed.span.end, unparsed.reason, unparsed.text);
    }
    for note in &imported.report.notes {
        let _ = writeln!(text, "说明：{note}");
    }
    text
}

fn parse_draft_format(text: &str) -> Result<DraftFormat, String> {
    DraftFormat::parse(text).ok_or_else(|| format!("不认识的格式「{text}」：可用 json、csv、text"))
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|err| format!("{{\"error\": \"cannot serialize: {err}\"}}"))
}

fn parse_mode(text: &str) -> Result<xixia_stats::chart::Mode, String> {
    xixia_stats::chart::Mode::parse(text).ok_or_else(|| format!("unknown mode '{text}': standard, care, contrast or print"))
}
