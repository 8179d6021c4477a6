/// `ms.date` values as tutorials write them, brought to Microsoft Learn's `MM/DD/YYYY`.
enum LearnDate {
    /// The date as `MM/DD/YYYY`, or nil when the text is no date that can be read without guessing.
    ///
    /// Accepted: `MM/DD/YYYY` as it is; a one-digit month or day (`3/5/2024`); a two-digit year
    /// (`03/25/24` is 2024); ISO `YYYY-MM-DD`; `-` or `.` between the parts. A first part over 12
    /// is read as the day (`25/03/2024`); when both could be the month, the US order holds, as on
    /// Microsoft Learn.
    static func normalised(_ text: String) -> String? {
        let trimmed = TutorialText.trimmed(text)
        guard trimmed.count <= 12 else { return nil }
        let parts = trimmed.split(whereSeparator: { "/.-".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        var (month, day, year) = (a, b, c)
        if parts[0].count == 4 {
            (year, month, day) = (a, b, c)
        } else if parts[2].count == 2 {
            year = 2000 + c
        } else if parts[2].count != 4 {
            return nil
        }
        if month > 12, day <= 12 { (month, day) = (day, month) }
        let result = pad(month) + "/" + pad(day) + "/" + String(year)
        return DescriptorValidator.isLearnDate(result) ? result : nil
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
