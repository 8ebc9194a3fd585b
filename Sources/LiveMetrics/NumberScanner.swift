/// Finds the first number in command output, with the unit written right after it:
/// `42`, `42ms`, `97.5 %`, `1.2e3 MB`, `-3`.
public enum NumberScanner {
    public static func first(in text: String) -> (value: Double, unit: String?)? {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let startsNumber =
                chars[i].isASCII && chars[i].isNumber
                || (chars[i] == "-" && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber
                    && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)))
            guard startsNumber else { i += 1; continue }
            var j = i + 1
            while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." { j += 1 }
            // Exponent: 1.2e3
            if j + 1 < chars.count, chars[j] == "e" || chars[j] == "E",
                chars[j + 1].isASCII && chars[j + 1].isNumber
                    || ((chars[j + 1] == "-" || chars[j + 1] == "+")
                        && j + 2 < chars.count && chars[j + 2].isNumber)
            {
                j += 2
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            }
            guard let value = Double(String(chars[i..<j])) else { i = j; continue }
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            var end = k
            while end < chars.count, chars[end].isLetter || chars[end] == "%" { end += 1 }
            let word = String(chars[k..<end])
            return (value, UnitConversion.isKnown(word) ? word : nil)
        }
        return nil
    }
}
