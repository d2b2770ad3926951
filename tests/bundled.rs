//! The bundled releases load, every keyed figure stands in its sentence as printed, and every
//! figure printed in a sentence is keyed.

use std::collections::HashSet;

use rust_decimal::Decimal;
use xixia_stats::{bundled, read_cell, CellValue, Release};

fn releases() -> Vec<Release> {
    bundled::all().unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn every_bundled_release_loads() {
    assert_eq!(releases().len(), 3);
}

/// The numbers printed in a text, as written ("9,076" → "9076"), with the years and the ordinal
/// numbers of ranks and footnotes left out.
fn printed_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
            i += 1;
        }
        let number: String = chars[start..i].iter().filter(|c| **c != ',').collect::<String>().trim_end_matches('.').to_owned();
        let before = start.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i).copied();
        let is_year = after == Some('年') || (number.len() == 4 && after == Some('-'));
        let is_ordinal = before == Some('第') || before == Some('[') || (after == Some('月') || after == Some('日')) || after == Some('期');
        let is_range = before == Some('-') && after == Some('年');
        if !is_year && !is_ordinal && !is_range {
            numbers.push(number);
        }
    }
    numbers
}

/// Every decimal keyed in a release, as its printed string.
fn keyed_numbers(release: &Release) -> HashSet<String> {
    let mut keyed = HashSet::new();
    let mut add = |d: Decimal| {
        keyed.insert(d.abs().to_string());
    };
    for fact in &release.facts {
        for quantity in [&fact.value, &fact.increase].into_iter().flatten() {
            add(quantity.amount);
        }
        if let Some(g) = &fact.growth {
            add(g.rate);
        }
        fact.gaps.iter().for_each(|g| add(g.points));
        fact.ranks.iter().for_each(|r| add(Decimal::from(r.rank)));
        if let Some(c) = &fact.contribution {
            add(c.points);
        }
        if let Some(s) = &fact.share {
            add(s.percent);
        }
    }
    for ratio in &release.ratios {
        ratio.terms.iter().for_each(|t| add(*t));
    }
    for table in &release.tables {
        for row in &table.rows {
            for text in row.cells.values() {
                if let Ok(CellValue::Number { value, .. }) = read_cell(text) {
                    add(value);
                }
            }
        }
    }
    keyed
}

#[test]
fn every_printed_figure_in_a_sentence_is_keyed() {
    for release in releases() {
        let keyed = keyed_numbers(&release);
        let mut missing = Vec::new();
        for sentence in &release.sentences {
            for number in printed_numbers(&sentence.text) {
                let normal = number.parse::<Decimal>().map(|d| d.to_string()).unwrap_or(number.clone());
                if !keyed.contains(&normal) {
                    missing.push(format!("{} in {}: {}", number, sentence.id, sentence.text));
                }
            }
        }
        assert!(missing.is_empty(), "{}: figures printed but not keyed:\n{}", release.id, missing.join("\n"));
    }
}

#[test]
fn every_keyed_figure_stands_in_its_sentence() {
    for release in releases() {
        for fact in &release.facts {
            let Some(sentence) = fact.sentence.as_ref().and_then(|id| release.sentence(id)) else {
                continue;
            };
            let printed: HashSet<String> = printed_numbers(&sentence.text).into_iter().collect();
            for quantity in [&fact.value].into_iter().flatten() {
                let amount = quantity.amount.abs().to_string();
                let stands = printed.contains(&amount) || quantity.amount.is_zero();
                assert!(stands, "{}: {} of {} is not in sentence {}: {}", release.id, amount, fact.id, sentence.id, sentence.text);
            }
            if let Some(growth) = &fact.growth {
                let rate = growth.rate.abs().to_string();
                let in_this = printed.contains(&rate);
                let anywhere = release.sentences.iter().any(|s| printed_numbers(&s.text).contains(&rate));
                assert!(in_this || anywhere, "{}: growth {} of {} is printed nowhere", release.id, rate, fact.id);
            }
        }
    }
}

#[test]
fn the_source_files_named_by_the_releases_hold_their_sentences() {
    let sources = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/sources");
    for release in releases() {
        let Some(file) = &release.source.file else { continue };
        let Ok(text) = std::fs::read_to_string(format!("{sources}/{file}")) else {
            eprintln!("{sources}/{file} is not here; skipping the comparison with the source text");
            continue;
        };
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace() && *c != '^').collect();
        for sentence in &release.sentences {
            let needle: String = sentence.text.chars().filter(|c| !c.is_whitespace()).collect();
            let head: String = needle.chars().take(12).collect();
            assert!(squeezed.contains(&head), "{}: sentence {} does not begin as in {file}: {}", release.id, sentence.id, sentence.text);
        }
    }
}
