//! Source citations for tooltips, tables and the screen-reader text: each report and file once,
//! its lines listed once each.

use crate::i18n::{self, Lang};

/// Sources as a reader wants them: one entry per report and file, its lines listed once each
/// (`2025 TIP Report, 001.txt lines 712, 724`), in the order first cited. Both functions take
/// slices, not any iterator, so that one copy of each serves every chart.
pub fn describe_sources(cites: &[(u16, &str, u32)], lang: Lang) -> Vec<String> {
    let mut reports: Vec<String> = Vec::with_capacity(cites.len());
    for &(edition, _, _) in cites {
        reports.push(i18n::tip_report(edition, lang));
    }
    let mut documents: Vec<(&str, &str, u32)> = Vec::with_capacity(cites.len());
    for (report, &(_, file, line)) in reports.iter().zip(cites) {
        documents.push((report, file, line));
    }
    describe_documents(&documents, lang)
}

/// The same grouping for sources that are not all TIP Report editions: each cite names its
/// document in words (`2019 TIP Report`, or a data set's title), then its file and line.
pub fn describe_documents(cites: &[(&str, &str, u32)], lang: Lang) -> Vec<String> {
    let mut groups: Vec<(&str, &str, Vec<u32>)> = Vec::new();
    for &(document, file, line) in cites {
        match groups.iter_mut().find(|(d, f, _)| *d == document && *f == file) {
            Some((_, _, lines)) if !lines.contains(&line) => lines.push(line),
            Some(_) => {}
            None => groups.push((document, file, vec![line])),
        }
    }
    let mut described = Vec::with_capacity(groups.len());
    for (document, file, lines) in groups {
        described.push(format!("{document}, {file} {}", i18n::lines(&lines, lang)));
    }
    described
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_group_lines_by_report_and_file() {
        let cites = [(2025, "a.txt", 712), (2025, "a.txt", 724), (2024, "b.txt", 9), (2025, "a.txt", 712)];
        assert_eq!(describe_sources(&cites, Lang::En), vec!["2025 TIP Report, a.txt lines 712, 724", "2024 TIP Report, b.txt line 9"]);
    }

    #[test]
    fn sources_outside_the_reports_are_named_by_their_document() {
        let cites = [("Tier history", "h.csv", 5), ("2019 TIP Report", "c.txt", 6), ("Tier history", "h.csv", 9)];
        assert_eq!(describe_documents(&cites, Lang::En), vec!["Tier history, h.csv lines 5, 9", "2019 TIP Report, c.txt line 6"]);
    }
}
