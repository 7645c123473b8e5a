/// How `from` and `to` compare with dates of mixed precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
///
/// A date counts as the start of its period, as the timeline sorts (a year before its months, a
/// month before its days: plain text order of the ISO values). Both bounds are inclusive:
/// - `from` F keeps the dates whose period starts on or after F's start: values `>= F` as text.
///   `from=2008-08` keeps `2008-08` and `2008-08-07`, not `2008` (that year starts in January).
/// - `to` T keeps the dates whose period starts on or before T's end: values `<= T + "~"`. `~`
///   sorts after the digits and `-`, so every value that begins with T passes.
///   `to=2008-08` keeps `2008-08-31`, `2008-08` and `2008`; `to=2008-08-07` keeps `2008-08`
///   (it starts on the 1st) and not `2008-08-08`.
/// Both are index ranges on the date column. Bounds are bound as values, so a malformed one
/// cannot change the SQL; it merely compares as text (the API checks them first).
enum DateBounds {
    /// The lowest date value `from` keeps.
    static func lower(_ from: String) -> String { from }

    /// The text every date value `to` keeps is at most.
    static func upper(_ to: String) -> String { to + "~" }
}
