/// ASCII case-insensitive substring search over UTF-8 bytes. Foundation's `contains` and
/// `lowercased` cost microseconds per call on Linux; this runs before every append.
enum TriggerSearch {
    /// `needle` must be lower-case ASCII.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {
            if lower(haystack[i]) == first {
                var k = 1
                while k < needle.count, lower(haystack[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 {
        c >= 0x41 && c <= 0x5A ? c | 0x20 : c
    }
}
