//! The checker finds the real inconsistencies of the sources, passes what is consistent, and each
//! check fires on a small release made to break it.

use serde_json::{json, Value};
use xixia_stats::check::{check, Check, Finding, Report, Severity};
use xixia_stats::{bundled, load};

fn report(id: &str) -> Report {
    check(&bundled::release(id).unwrap_or_else(|err| panic!("{err}")))
}

fn find<'a>(report: &'a Report, severity: Severity, check: Check, subject: &str) -> Vec<&'a Finding> {
    report.findings.iter().filter(|f| f.severity == severity && f.check == check && f.location.subject == subject).collect()
}

#[test]
fn fiscal_report_7_levels_do_not_add_up() {
    let report = report("2023-fiscal-reports-5-8");
    let sum = find(&report, Severity::Error, Check::PartsSum, "full-revenue-by-level");
    assert_eq!(sum.len(), 1, "{:#?}", report.findings);
    // Named as a statistician says it: the parts without the total they repeat, then the total.
    assert!(sum[0].message.starts_with("中央级、自治区级、银川市级、西夏区级之和4.16亿元 ≠ 全口径一般公共预算收入5.16亿元，相差1.00亿元"), "{}", sum[0].message);
    assert!(sum[0].location.text.as_deref().unwrap_or("").contains("中央级0.98亿元"), "the sentence stating the parts is quoted");

    let share = find(&report, Severity::Error, Check::StatedShare, "full-revenue-district");
    assert_eq!(share.len(), 1);
    assert!(share[0].message.contains("10.85%") && share[0].message.contains("30.23%") && share[0].message.contains("1.56亿元"), "{}", share[0].message);

    let central = find(&report, Severity::Error, Check::PartsSum, "full-revenue-central-by-type");
    assert!(central[0].message.contains("1.98亿元") && central[0].message.contains("0.98亿元"), "{}", central[0].message);
}

#[test]
fn fiscal_report_treasury_level_stated_twice() {
    let report = report("2023-fiscal-reports-5-8");
    let conflict = find(&report, Severity::Error, Check::ConflictingStatements, "treasury-coverage-jan-report6");
    assert_eq!(conflict.len(), 1);
    assert!(conflict[0].message.contains("0.38") && conflict[0].message.contains("0.51"));
}

#[test]
fn direct_funds_tables_disagree_where_the_print_does() {
    let report = report("2023-fiscal-reports-5-8");
    let messages: Vec<&str> = report.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message.as_str()).collect();
    // (a fragment every matching message has, another, and what the source prints)
    let expected = [
        ("基本公共卫生服务补助资金", "68.1%", "64.7%"),     // 2117.27 / 3109
        ("共同财政事权转移支付", "25.1%", "24.4%"),        // 3855.08 / 15352.31
        ("计划生育转移支付资金", "52%", "22%"),            // 112.42 / 217 in table 2
        ("城乡义务教育补助经费", "3505.65", "3506.15"),     // 2870.65 + 635
        ("直达资金", "423.67", "388"),                    // 省级 paid: subtotal above total
        ("城乡义务教育补助经费", "16.2%", "16.5%"),         // the two tables disagree
    ];
    for (row, computed, printed) in expected {
        assert!(
            messages.iter().any(|m| m.contains(row) && m.contains(computed) && m.contains(printed)),
            "no error about {row}: {computed} vs {printed} in {messages:#?}"
        );
    }
    let rounding = find(&report, Severity::Info, Check::TableSubtotal, "direct-funds-by-fund");
    assert!(rounding.iter().any(|f| f.message.contains("15352.31") && f.message.contains("15352.30")));
}

#[test]
fn bulletin_2022_flags_the_bare_growth_and_passes_the_rest() {
    let report = report("2022-bulletin");
    assert_eq!(report.count(Severity::Error), 0, "{:#?}", report.problems().collect::<Vec<_>>());
    let bare = find(&report, Severity::Warning, Check::Units, "agri-farming");
    assert_eq!(bare.len(), 1);
    assert!(bare[0].message.contains("增长0.7"));
    let structure = find(&report, Severity::Ok, Check::StructureRatio, "gdp-structure");
    assert!(structure[0].message.contains("1.5 : 69.6 : 28.9"));
    let residence = find(&report, Severity::Info, Check::PartsSum, "population-by-residence");
    assert!(residence[0].message.contains("45.46") && residence[0].message.contains("45.48"));
    let urban = find(&report, Severity::Ok, Check::GrowthIncrease, "urban-income");
    assert!(urban[0].message.contains("4.1%"));
    let investment = find(&report, Severity::Ok, Check::StructureGrowth, "investment-structure");
    assert_eq!(investment.len(), 1);
}

#[test]
fn indicators_1_11_are_consistent() {
    let report = report("2023-1-11-indicators");
    assert_eq!(report.problems().count(), 0, "{:#?}", report.problems().collect::<Vec<_>>());
    assert!(report.count(Severity::Ok) >= 10);
    assert_eq!(find(&report, Severity::Ok, Check::Contribution, "investment-by-project-type").len(), 1);
}

#[test]
fn findings_point_at_their_sentence() {
    for id in bundled::ids() {
        let release = bundled::release(&id).unwrap();
        for finding in check(&release).findings {
            if let Some(sentence) = &finding.location.sentence {
                let text = release.sentence(sentence).map(|s| s.text.as_str());
                assert_eq!(finding.location.text.as_deref(), text, "{finding}");
            }
        }
    }
}

/// A release holding `facts` (and optional extras), ready to load.
fn release(facts: Value, extra: Value) -> xixia_stats::Release {
    let mut json = json!({
        "id": "test", "title": "测试", "publishers": ["西夏区统计局"],
        "period": {"kind": "year", "year": 2022}, "status": "preliminary",
        "source": {"document": "测试"},
        "facts": facts,
    });
    if let (Some(target), Some(extra)) = (json.as_object_mut(), extra.as_object()) {
        target.extend(extra.clone());
    }
    load::from_json(&json.to_string(), "test").unwrap_or_else(|err| panic!("{err}"))
}

fn fact(id: &str, amount: &str, unit: &str) -> Value {
    json!({"id": id, "name": id, "value": {"amount": amount, "unit": unit}})
}

fn with(mut fact: Value, key: &str, value: Value) -> Value {
    fact[key] = value;
    fact
}

fn severities(release: &xixia_stats::Release, check_kind: Check) -> Vec<Severity> {
    check(release).findings.iter().filter(|f| f.check == check_kind).map(|f| f.severity).collect()
}

#[test]
fn each_check_fires_on_a_release_made_to_break_it() {
    let breakdown = |kind: &str| json!({"breakdowns": [{"id": "b", "name": "b", "kind": kind, "total": "t", "parts": ["a", "c"]}]});
    let growth = |rate: &str| json!({"rate": rate, "basis": "previous_year", "prices": "current"});
    let cases: Vec<(&str, Value, Value, Check, Vec<Severity>)> = vec![
        ("exhaustive parts that add up", json!([fact("t", "10.0", "亿元"), fact("a", "4.0", "亿元"), fact("c", "6.0", "亿元")]), breakdown("exhaustive"), Check::PartsSum, vec![Severity::Ok]),
        ("exhaustive parts within rounding", json!([fact("t", "10.0", "亿元"), fact("a", "4.0", "亿元"), fact("c", "6.04", "亿元")]), breakdown("exhaustive"), Check::PartsSum, vec![Severity::Info]),
        ("exhaustive parts that don't", json!([fact("t", "10.0", "亿元"), fact("a", "4.0", "亿元"), fact("c", "7.0", "亿元")]), breakdown("exhaustive"), Check::PartsSum, vec![Severity::Error]),
        ("parts in another unit", json!([fact("t", "1.00", "亿元"), fact("a", "4000", "万元"), fact("c", "6000", "万元")]), breakdown("exhaustive"), Check::PartsSum, vec![Severity::Ok]),
        ("其中 within the total", json!([fact("t", "10.0", "亿元"), fact("a", "4.0", "亿元"), fact("c", "5.0", "亿元")]), breakdown("partial"), Check::PartsWithinTotal, vec![Severity::Ok]),
        ("其中 above the total", json!([fact("t", "10.0", "亿元"), fact("a", "4.0", "亿元"), fact("c", "6.5", "亿元")]), breakdown("partial"), Check::PartsWithinTotal, vec![Severity::Error]),
        ("a stated share that fits", json!([fact("t", "4.44", "亿元"), with(fact("a", "3.17", "亿元"), "share", json!({"of": "t", "percent": "71.4"}))]), json!({}), Check::StatedShare, vec![Severity::Ok]),
        ("a stated share that doesn't", json!([fact("t", "4.44", "亿元"), with(fact("a", "3.17", "亿元"), "share", json!({"of": "t", "percent": "72.4"}))]), json!({}), Check::StatedShare, vec![Severity::Error]),
        ("growth against increase", json!([with(with(fact("a", "15908", "元"), "increase", json!({"amount": "900", "unit": "元"})), "growth", growth("6.0"))]), json!({}), Check::GrowthIncrease, vec![Severity::Ok]),
        ("growth contradicting increase", json!([with(with(fact("a", "15908", "元"), "increase", json!({"amount": "900", "unit": "元"})), "growth", growth("7.0"))]), json!({}), Check::GrowthIncrease, vec![Severity::Error]),
        ("comparable-price growth is not checked against levels", json!([with(with(fact("a", "15908", "元"), "increase", json!({"amount": "900", "unit": "元"})), "growth", json!({"rate": "9.9", "basis": "previous_year", "prices": "comparable"}))]), json!({}), Check::GrowthIncrease, vec![]),
        ("a fall of more than 100 %", json!([with(fact("a", "1", "亿元"), "growth", growth("-120"))]), json!({}), Check::GrowthRange, vec![Severity::Error]),
        ("a structure ratio that adds to 101", json!([]), json!({"ratios": [{"id": "r", "name": "r", "terms": ["1.5", "70.6", "28.9"], "labels": ["一", "二", "三"]}]}), Check::StructureRatioSum, vec![Severity::Error]),
        ("a cumulative series that falls", json!([with(fact("jan", "10", "万元"), "period", json!({"kind": "cumulative", "year": 2023, "from_month": 1, "to_month": 1})), with(fact("feb", "8", "万元"), "period", json!({"kind": "cumulative", "year": 2023, "from_month": 1, "to_month": 2}))]), json!({"series": [{"id": "s", "name": "s", "kind": "cumulative", "points": ["jan", "feb"]}]}), Check::CumulativeSeries, vec![Severity::Error]),
        ("an unknown unit", json!([fact("a", "3", "万斤")]), json!({}), Check::Units, vec![Severity::Warning]),
        ("a growth with no %", json!([with(fact("a", "3", "亿元"), "growth", json!({"rate": "0.7", "form": "bare", "basis": "previous_year"}))]), json!({}), Check::Units, vec![Severity::Warning]),
    ];
    for (what, facts, extra, check_kind, expected) in cases {
        assert_eq!(severities(&release(facts, extra), check_kind), expected, "{what}");
    }
}

#[test]
fn table_checks_fire() {
    let table = |total_paid: &str, rate: &str| {
        json!({"tables": [{
            "id": "t", "title": "表",
            "columns": [
                {"id": "amount", "label": "金额", "kind": "quantity", "unit": "万元", "measure": "amount"},
                {"id": "paid", "label": "支出", "kind": "quantity", "unit": "万元"},
                {"id": "rate", "label": "进度", "kind": "rate", "numerator": ["paid"], "denominator": ["amount"]}
            ],
            "rows": [
                {"id": "all", "label": "合计", "cells": {"amount": "300", "paid": total_paid, "rate": rate}},
                {"id": "a", "label": "甲", "parent": "all", "cells": {"amount": "100", "paid": "20", "rate": "20%"}},
                {"id": "b", "label": "乙", "parent": "all", "cells": {"amount": "200", "paid": "10", "rate": "5%"}}
            ]
        }]})
    };
    let good = release(json!([]), table("30", "10%"));
    assert!(check(&good).problems().next().is_none(), "{:#?}", check(&good).findings);
    let bad = release(json!([]), table("40", "10%"));
    assert_eq!(severities(&bad, Check::TableSubtotal), vec![Severity::Error, Severity::Ok]); // paid fails, amount passes
    assert_eq!(severities(&bad, Check::TableRate), vec![Severity::Error, Severity::Ok]);
}
