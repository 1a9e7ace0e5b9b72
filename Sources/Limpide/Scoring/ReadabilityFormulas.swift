/// Classic readability formulas, as pure functions of counts.
///
/// A ratio whose denominator is zero counts as 0, so an empty text gets Kandel–Moles 207, LIX 0 and
/// RIX 0 instead of NaN. Operations are in the same order as textstat 0.7.13, so that fed textstat's
/// counts they give its values to the last bits.
public enum ReadabilityFormulas {
    /// Kandel & Moles (1958), Flesch's reading ease adapted to French:
    /// 207 − 1.015 × words per sentence − 73.6 × syllables per word. Higher is easier (about 0–100).
    public static func kandelMoles(words: Int, sentences: Int, syllables: Int) -> Double {
        207 - 1.015 * ratio(words, sentences) - 73.6 * ratio(syllables, words)
    }

    /// Björnsson's LIX: words per sentence + percentage of long words (more than 6 letters).
    /// Below 25 very easy, 35 easy, 45 standard, 55 difficult, above very difficult.
    public static func lix(words: Int, sentences: Int, longWords: Int) -> Double {
        ratio(words, sentences) + ratio(longWords * 100, words)
    }

    /// Anderson's RIX: long words (more than 6 letters) per sentence.
    public static func rix(longWords: Int, sentences: Int) -> Double {
        ratio(longWords, sentences)
    }

    @inline(__always)
    static func ratio(_ a: Int, _ b: Int) -> Double {
        b == 0 ? 0 : Double(a) / Double(b)
    }
}
