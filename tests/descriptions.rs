//! Each chart's description, read by screen readers and shown under the chart, says what the
//! bulletin says, the way it says it. The expected sentences are written from the printed sources
//! (../shared/sources/xixia-gazette-2023-no4.md: the 2022 bulletin and the 1-11月 indicators;
//! xixia-gazette-2023-no2.md: 财政专报第五至八期), figure by figure, not copied from the code.

mod common;

use rust_decimal::Decimal;
use xixia_stats::chart::{self, Lang};
use xixia_stats::{bundled, Release};

fn releases() -> Vec<Release> {
    bundled::all().unwrap_or_else(|err| panic!("{err}"))
}

fn describe(releases: &[Release], chart: &str, lang: Lang) -> String {
    let info = common::info(chart).unwrap();
    let home = releases.iter().find(|r| r.id == info.release).unwrap();
    chart::build_in(chart, home, releases, lang).unwrap_or_else(|err| panic!("{chart}: {err}")).description
}

/// (chart, the Chinese description). Sources:
/// - gdp-by-industry, gdp-structure: bulletin 一、综合 (489.91亿元, 8.3%; 7.25/0.7%, 340.85/13.0%,
///   141.81/0.8%; 1.5 : 69.6 : 28.9).
/// - industry-growth: 三、工业 (规模以上工业增加值增长17.1%; 仪器仪表制造业44.4% highest, 金属制品业
///   11.5% lowest of the seven).
/// - product-growth: the product table (单晶硅 7026.8万千克 119.3% highest; 变压器 27.0万千伏安 −2.5,
///   水泥 235.5万吨 −14.6 the only falls).
/// - services-by-sector: 四、服务业 (141.81亿元, 0.8%; 非营利性 63.88/1.4% largest, 住宿和餐饮
///   3.61/2.2% smallest; 营利性 −3.1%, 批发和零售 −0.3% the falls).
/// - indicators-vs-region: 1-11月 主要经济指标, first paragraph (the bulletin's sentence, keyed
///   without its 完成).
/// - structure-comparison: 1.5 : 69.6 : 28.9, 0.3 : 71 : 28.7 (2022) and 0.8 : 70.5 : 28.7 (1-11月).
/// - sanbao-cumulative: 第五期 (1月 5327.34万元, 4%) and 第六期 (14976.67万元, 10.87%; 保工资
///   9848.99 the most, 保运转 218.3 the least; 全年需求 137833.65万元).
/// - direct-funds-progress: 直达资金支付情况 (26432.31万元, 已支出5366.12万元, 20.3%, target 25%;
///   of the 18 funds without sub-items, only 64.7% and 28.5% reach 25%; eight are at 0%).
const CHINESE: &[(&str, &str)] = &[
    (
        "gdp-by-industry",
        "2022年西夏区地区生产总值489.91亿元，比上年增长8.3%。其中，第一产业增加值7.25亿元，增长0.7%；\
         第二产业增加值340.85亿元，增长13.0%；第三产业增加值141.81亿元，增长0.8%。",
    ),
    ("gdp-structure", "2022年西夏区地区生产总值489.91亿元，比上年增长8.3%；三次产业结构为1.5:69.6:28.9，第二产业比重最高。"),
    (
        "industry-growth",
        "2022年西夏区规模以上工业增加值比上年增长17.1%。其中，仪器仪表制造业增加值增长44.4%，增速最高；\
         金属制品业增加值增长11.5%，增速最低。",
    ),
    (
        "product-growth",
        "2022年西夏区主要工业产品中，单晶硅产量7026.8万千克，比上年增长119.3%，增速最高；\
         变压器产量27.0万千伏安，下降2.5%；水泥产量235.5万吨，下降14.6%。",
    ),
    (
        "services-by-sector",
        "2022年西夏区服务业增加值141.81亿元，比上年增长0.8%。其中，非营利性服务业增加值最多，为63.88亿元，增长1.4%；\
         住宿和餐饮业增加值最少，为3.61亿元，增长2.2%；营利性服务业、批发和零售业增加值分别下降3.1%和0.3%。",
    ),
    (
        "indicators-vs-region",
        "2023年1-11月，西夏区规模以上工业增加值同比增长21.4%，高于自治区9.9个百分点、银川市6.3个百分点，\
         位居全区第4位、全市第2位、沿黄市辖区第2位；固定资产投资同比增长16.6%，高于自治区12.3个百分点、银川市10.2个百分点，\
         位居全区第2位、全市第1位、沿黄市辖区第2位；一般公共预算收入4.75亿元，同比增长20.5%，高于自治区12.1个百分点、\
         银川市5.2个百分点，位居全区第6位、全市第3位、沿黄市辖区第3位。",
    ),
    (
        "structure-comparison",
        "2022年西夏区地区生产总值三次产业结构为1.5:69.6:28.9，固定资产投资三次产业结构为0.3:71:28.7；\
         2023年1-11月，固定资产投资三次产业结构为0.8:70.5:28.7，均以第二产业比重最高。",
    ),
    (
        "sanbao-cumulative",
        "2023年1-2月，西夏区“三保”及其他刚性支出累计实际完成14976.67万元，占全年支出需求137833.65万元的10.87%，\
         其中保工资支出9848.99万元最多、保运转支出218.3万元最少；1月实际完成5327.34万元，占全年的4%。",
    ),
    (
        "direct-funds-progress",
        "截至2023年3月31日，西夏区直达资金26432.31万元，已支出5366.12万元，支出进度20.3%，低于25%的目标；\
         18项资金中16项未达目标，基本公共卫生服务补助资金支出进度最高，为64.7%，8项资金尚未支出。",
    ),
    (
        "urban-income-years",
        "2022年，城镇居民人均可支配收入36346元，比上年增长4.1%。",
    ),
    (
        "rural-income-years",
        "2022年，农村居民人均可支配收入15908元，比上年增长6.0%。",
    ),
];

/// The same in English, figures as printed and units as named in the chart.
const ENGLISH: &[(&str, &str)] = &[
    (
        "gdp-by-industry",
        "In 2022, Xixia District's gross regional product was 489.91 (100 million yuan), up 8.3% on the previous year \
         at comparable prices. Of this, value added of the primary industry was 7.25 (100 million yuan), up 0.7%; \
         value added of the secondary industry was 340.85 (100 million yuan), up 13.0%; value added of the tertiary \
         industry was 141.81 (100 million yuan), up 0.8%.",
    ),
    (
        "gdp-structure",
        "In 2022, Xixia District's gross regional product was 489.91 (100 million yuan), up 8.3% on the previous year \
         at comparable prices; the three industries stood at 1.5 : 69.6 : 28.9, with secondary industry the largest.",
    ),
    (
        "industry-growth",
        "In 2022, Xixia District's value added of industrial enterprises above designated size was up 17.1% on the \
         previous year at comparable prices. Of this, manufacture of measuring instruments and machinery grew fastest, \
         up 44.4%, and manufacture of metal products slowest, up 11.5%.",
    ),
    (
        "product-growth",
        "In 2022, among Xixia District's major industrial products, output of monocrystalline silicon was 7026.8 \
         (10,000 kg), up 119.3% on the previous year, the fastest growth; output of transformers was 27.0 (10,000 kVA), \
         down 2.5%; output of cement was 235.5 (10,000 tonnes), down 14.6%.",
    ),
    (
        "services-by-sector",
        "In 2022, Xixia District's value added of services was 141.81 (100 million yuan), up 0.8% on the previous year \
         at comparable prices. Of this, non-profit services contributed the most, 63.88 (100 million yuan), up 1.4%, \
         and hotels and catering services the least, 3.61 (100 million yuan), up 2.2%; value added fell in for-profit \
         services (down 3.1%) and wholesale and retail trades (down 0.3%).",
    ),
    (
        "indicators-vs-region",
        "In Jan–Nov 2023, Xixia District's value added of industrial enterprises above designated size was up 21.4% \
         year on year at comparable prices, 9.9 percentage points above Ningxia and 6.3 \
         percentage points above Yinchuan, ranking 4th in Ningxia, 2nd in Yinchuan and 2nd among the urban districts \
         along the Yellow River; fixed-asset investment was up 16.6% year on year, 12.3 percentage points above Ningxia \
         and 10.2 percentage points above Yinchuan, ranking 2nd in Ningxia, 1st in Yinchuan and \
         2nd among the urban districts along the Yellow River; general public budget revenue was 4.75 (100 million \
         yuan), up 20.5% year on year, 12.1 percentage points above Ningxia and 5.2 percentage \
         points above Yinchuan, ranking 6th in Ningxia, 3rd in Yinchuan and 3rd among the urban districts along the \
         Yellow River.",
    ),
    (
        "structure-comparison",
        "In 2022, the three-industry structure of Xixia District's gross regional product was 1.5 : 69.6 : 28.9 and \
         that of fixed-asset investment 0.3 : 71 : 28.7; in Jan–Nov 2023, that of fixed-asset investment was \
         0.8 : 70.5 : 28.7; secondary industry had the largest share in each.",
    ),
    (
        "sanbao-cumulative",
        "In Jan–Feb 2023, Xixia District's spending on the 'three guarantees' (basic livelihood, wages, government \
         operations) and other rigid expenditure reached 14976.67 (10,000 yuan) cumulatively, 10.87% of the annual \
         need of 137833.65 (10,000 yuan); wages took the most, 9848.99 (10,000 yuan), and government operations the \
         least, 218.3 (10,000 yuan). In Jan, spending was 5327.34 (10,000 yuan), 4% of the annual need.",
    ),
    (
        "direct-funds-progress",
        "As of 31 March 2023, Xixia District had spent 5366.12 (10,000 yuan) of its 26432.31 (10,000 yuan) in \
         direct-allocation funds, a spending progress of 20.3%, below the 25% target. Of the 18 funds, 16 were below \
         the target, basic public health service subsidies had the highest progress (64.7%) and 8 had spent nothing.",
    ),
    (
        "urban-income-years",
        "In 2022, per capita disposable income of urban residents was 36346 yuan, up 4.1% on the previous year.",
    ),
    (
        "rural-income-years",
        "In 2022, per capita disposable income of rural residents was 15908 yuan, up 6.0% on the previous year.",
    ),
];

#[test]
fn every_chart_is_described_as_the_bulletin_writes() {
    let releases = releases();
    assert_eq!(CHINESE.len(), common::catalogue().len(), "one row per chart");
    for info in common::catalogue() {
        let (_, expected) = CHINESE.iter().find(|(id, _)| *id == info.id).unwrap_or_else(|| panic!("no expected description for {}", info.id));
        assert_eq!(describe(&releases, info.id, Lang::Zh), *expected, "{}", info.id);
    }
}

#[test]
fn every_chart_is_described_in_english() {
    let releases = releases();
    assert_eq!(ENGLISH.len(), common::catalogue().len(), "one row per chart");
    for info in common::catalogue() {
        let (_, expected) = ENGLISH.iter().find(|(id, _)| *id == info.id).unwrap_or_else(|| panic!("no expected description for {}", info.id));
        assert_eq!(describe(&releases, info.id, Lang::En), *expected, "{}", info.id);
    }
}

#[test]
fn descriptions_are_sentences() {
    let releases = releases();
    for info in common::catalogue() {
        // A chart over time says its latest period as a monthly report does ("1-11月，规模以上
        // 工业增加值…"): its title names the place.
        let over_time = matches!(info.kind, chart::ChartKind::Line | chart::ChartKind::Combo);
        let zh = describe(&releases, info.id, Lang::Zh);
        assert!(zh.ends_with('。') && (over_time || zh.contains("西夏区")), "{}: {zh}", info.id);
        let en = describe(&releases, info.id, Lang::En);
        assert!(en.ends_with('.') && (over_time || en.contains("Xixia District")) && en.starts_with(char::is_uppercase), "{}: {en}", info.id);
    }
}

fn set_gaps(release: &mut Release, fact: &str, gaps: &[(&str, &str)]) {
    let fact = release.facts.iter_mut().find(|f| f.id == fact).unwrap();
    for (comparator, points) in gaps {
        let gap = fact.gaps.iter_mut().find(|g| g.comparator == *comparator).unwrap();
        gap.points = points.parse::<Decimal>().unwrap();
    }
}

/// A release where Xixia District grows slower than a comparator: the bulletin would say 低于, and
/// repeats the word only where the sign changes.
#[test]
fn negative_gaps_read_as_below() {
    let mut releases = releases();
    let indicators = releases.iter_mut().find(|r| r.id == "2023-1-11-indicators").unwrap();
    set_gaps(indicators, "industry-above-scale-va", &[("银川市", "0")]);
    set_gaps(indicators, "investment", &[("银川市", "-1.2")]);
    set_gaps(indicators, "revenue", &[("自治区", "-0.5"), ("银川市", "-5.2")]);
    indicators.facts.iter_mut().find(|f| f.id == "investment").unwrap().ranks.clear();
    let home = indicators.clone();

    let zh = chart::build_in("indicators-vs-region", &home, &releases, Lang::Zh).unwrap();
    assert_eq!(
        zh.description,
        "2023年1-11月，西夏区规模以上工业增加值同比增长21.4%，高于自治区9.9个百分点、与银川市持平，\
         位居全区第4位、全市第2位、沿黄市辖区第2位；固定资产投资同比增长16.6%，高于自治区12.3个百分点、低于银川市1.2个百分点；\
         一般公共预算收入4.75亿元，同比增长20.5%，低于自治区0.5个百分点、银川市5.2个百分点，位居全区第6位、全市第3位、沿黄市辖区第3位。"
    );
    // The derived comparator growth follows the sign: 16.6 + 1.2 = 17.8 for 银川市.
    let yinchuan = zh.series.iter().find(|s| s.name == "银川市（推算）").unwrap();
    assert_eq!(yinchuan.labels, ["21.4%*", "17.8%*", "25.7%*"]);

    let en = chart::build_in("indicators-vs-region", &home, &releases, Lang::En).unwrap();
    assert!(en.description.contains("9.9 percentage points above Ningxia and level with Yinchuan"), "{}", en.description);
    assert!(en.description.contains("up 16.6% year on year, 12.3 percentage points above Ningxia and 1.2 percentage points below Yinchuan; general"), "{}", en.description);
    assert!(en.description.contains("0.5 percentage points below Ningxia and 5.2 percentage points below Yinchuan, ranking 6th"), "{}", en.description);
}
