//! Computed figures against the figures the sources print. Each expected value below is copied
//! from the gazettes, never from our own output.

use rust_decimal::Decimal;
use xixia_stats::compute::round::round_half_away;
use xixia_stats::figures::{figures, Figure};
use xixia_stats::{bundled, Release};

fn release(id: &str) -> Release {
    bundled::release(id).unwrap_or_else(|err| panic!("{err}"))
}

fn computed<'a>(all: &'a [Figure], id: &str) -> &'a Figure {
    all.iter().find(|f| f.id == id).unwrap_or_else(|| panic!("no computed figure {id}"))
}

fn rounded(figure: &Figure, dp: u32) -> Decimal {
    round_half_away(figure.value.unwrap_or_else(|| panic!("{} is undefined: {:?}", figure.id, figure.undefined)), dp)
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn printed_figures_are_reproduced() {
    // (release, computed figure id, decimals, the figure as printed in the source)
    let rows = [
        // 三次产业结构比为1.5 : 69.6 : 28.9
        ("2022-bulletin", "structure:gdp-by-industry:gdp-primary", 1, "1.5"),
        ("2022-bulletin", "structure:gdp-by-industry:gdp-secondary", 1, "69.6"),
        ("2022-bulletin", "structure:gdp-by-industry:gdp-tertiary", 1, "28.9"),
        // 税收收入3.17亿元，占地方一般公共预算收入的71.4%
        ("2022-bulletin", "share:revenue-by-type:revenue-tax", 1, "71.4"),
        // 汉族人口占79.44%；回族人口占18.54%；其他少数民族人口占2.02%
        ("2022-bulletin", "share:population-by-ethnicity:population-han", 2, "79.44"),
        ("2022-bulletin", "share:population-by-ethnicity:population-hui", 2, "18.54"),
        ("2022-bulletin", "share:population-by-ethnicity:population-other-ethnic", 2, "2.02"),
        // 1-11月 税收收入占一般公共预算收入的比重为80.6%; 民生八项支出占77.9%
        ("2023-1-11-indicators", "share:revenue-by-type:revenue-tax", 1, "80.6"),
        ("2023-1-11-indicators", "share:expenditure-of-which:expenditure-livelihood", 1, "77.9"),
        // 高于自治区9.9个百分点、银川市6.3个百分点 → 自治区11.5%, 银川市15.1%
        ("2023-1-11-indicators", "comparator:industry-above-scale-va:自治区", 1, "11.5"),
        ("2023-1-11-indicators", "comparator:industry-above-scale-va:银川市", 1, "15.1"),
        // 2月 三保 14976.67万元，占全年支出的10.87%
        ("2023-fiscal-reports-5-8", "progress:sanbao-actual:sanbao-feb", 2, "10.87"),
        // 1月 5327.34万元，占全年支出的4%
        ("2023-fiscal-reports-5-8", "progress:sanbao-actual:sanbao-jan", 0, "4"),
        // 直达资金支付率为20.3%
        ("2023-fiscal-reports-5-8", "rate:direct-funds-by-fund:1:rate", 1, "20.3"),
    ];
    for (id, figure, dp, printed) in rows {
        let release = release(id);
        let all = figures(&release).computed;
        assert_eq!(rounded(computed(&all, figure), dp), dec(printed), "{id} {figure}");
    }
}

#[test]
fn single_month_from_cumulative() {
    let release = release("2023-fiscal-reports-5-8");
    let all = figures(&release).computed;
    // 2月 = 1-2月累计 14976.67 − 1月 5327.34
    assert_eq!(computed(&all, "month:sanbao-actual:2").value, Some(dec("9649.33")));
    assert_eq!(computed(&all, "month:sanbao-actual:1").value, Some(dec("5327.34")));
}

#[test]
fn comparable_price_growth_is_never_recomputed_from_levels() {
    let release = release("2022-bulletin");
    let all = figures(&release).computed;
    let gdp_base = computed(&all, "base:gdp");
    assert_eq!(gdp_base.value, None);
    assert!(matches!(gdp_base.undefined, Some(xixia_stats::compute::Undefined::NotComparable { .. })));
    // Nominal growth does give a base: 农村居民人均可支配收入 15908元 增长6.0% → about 15008元.
    assert_eq!(rounded(computed(&all, "base:rural-income"), 0), dec("15008"));
}

#[test]
fn direct_funds_progress_against_the_25_percent_target() {
    let release = release("2023-fiscal-reports-5-8");
    let all = figures(&release).computed;
    // 支付率为20.3%（3月底直达资金支付目标任务25%）: 4.7 points behind.
    assert_eq!(computed(&all, "progress-gap:direct-funds-by-fund:1").value, Some(dec("-4.7")));
}

#[test]
fn rankings_follow_the_order_with_ties() {
    let release = release("2023-fiscal-reports-5-8");
    let result = figures(&release);
    let by_rate = result.rankings.iter().find(|r| r.id == "direct-funds-by-fund:rate").expect("ranking by 支出进度");
    assert_eq!(by_rate.items[0].name, "基本公共卫生服务补助资金");
    assert_eq!(by_rate.items[0].display, "64.7");
    for pair in by_rate.items.windows(2) {
        assert!(pair[0].value >= pair[1].value);
        assert_eq!(pair[0].value == pair[1].value, pair[0].rank == pair[1].rank);
    }
    // Several funds paid nothing: they tie, and the rank after them is skipped to.
    let zeros: Vec<_> = by_rate.items.iter().filter(|i| i.value.is_zero()).collect();
    assert!(zeros.len() > 1);
    assert!(zeros.iter().all(|z| z.rank == zeros[0].rank));

    let bulletin = release_figures_ranking("2022-bulletin", "industry-sub-industries:growth");
    assert_eq!(bulletin[0], ("仪器仪表制造业增加值".to_owned(), 1));
    assert_eq!(bulletin.last().unwrap().1, 7);
}

fn release_figures_ranking(id: &str, ranking: &str) -> Vec<(String, u32)> {
    let release = release(id);
    let result = figures(&release);
    let ranking = result.rankings.iter().find(|r| r.id == ranking).unwrap_or_else(|| panic!("no ranking {ranking}"));
    ranking.items.iter().map(|i| (i.name.clone(), i.rank)).collect()
}

#[test]
fn figures_serialize_decimals_as_strings() {
    let release = release("2022-bulletin");
    let json = serde_json::to_value(figures(&release)).unwrap();
    let gdp = json["stated"].as_array().unwrap().iter().find(|f| f["id"] == "gdp").unwrap();
    assert_eq!(gdp["value"]["amount"], "489.91");
    assert_eq!(gdp["growth"]["rate"], "8.3");
    assert_eq!(json["status_label"], "初步统计数");
}
