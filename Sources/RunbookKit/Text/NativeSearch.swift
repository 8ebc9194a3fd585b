import Foundation

/// Byte-for-byte versions of Foundation's plainest text searches, found before Foundation's
/// generic ones, which bridge every call through NSString (CFStringFind). In profiles of a
/// 1 MB read they were a tenth of some extractors' time. Calls with options (case, backwards)
/// still go to Foundation.
extension String {
    func contains(_ other: String) -> Bool { has(other) }

    func range(of needle: String) -> Range<String.Index>? { self[...].range(of: needle) }

    /// `range(of: needle, options: .backwards)`, compared on UTF-8 bytes.
    func lastRange(of needle: String) -> Range<String.Index>? { self[...].lastRange(of: needle) }

    /// The pieces between the occurrences of `separator`, left to right, empty ones kept.
    func components(separatedBy separator: String) -> [String] {
        self[...].components(separatedBy: separator)
    }
}

extension Substring {
    func contains(_ other: String) -> Bool { range(of: other) != nil }

    /// The first occurrence of `needle`, compared on UTF-8 bytes; nil for an empty needle, as
    /// Foundation answers.
    func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty, let offset = firstByteOffset(of: needle, from: 0) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// The last occurrence of `needle`, compared on UTF-8 bytes.
    func lastRange(of needle: String) -> Range<String.Index>? {
        var pin = needle
        let offset = pin.withUTF8 { n -> Int? in
            withBytes { h -> Int? in
                guard n.count > 0, h.count >= n.count else { return nil }
                var i = h.count - n.count
                while i >= 0 {
                    if h[i] == n[0], memcmp(h.baseAddress! + i, n.baseAddress!, n.count) == 0 { return i }
                    i -= 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    func components(separatedBy separator: String) -> [String] {
        let width = separator.utf8.count
        guard width > 0 else { return [String(self)] }
        var out: [String] = []
        var start = 0
        while let found = firstByteOffset(of: separator, from: start) {
            out.append(byteSlice(start, found))
            start = found + width
        }
        out.append(byteSlice(start, utf8.count))
        return out
    }

    private func byteSlice(_ from: Int, _ to: Int) -> String {
        let lower = utf8.index(utf8.startIndex, offsetBy: from)
        return String(self[lower..<utf8.index(lower, offsetBy: to - from)])
    }

    /// The byte offset of the first occurrence of `needle` at or after `start`.
    private func firstByteOffset(of needle: String, from start: Int) -> Int? {
        var pin = needle
        return pin.withUTF8 { n -> Int? in
            withBytes { h -> Int? in
                ByteSearch.firstOffset(of: n, in: h, from: start)
            }
        }
    }
}

enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`. The C
    /// library's `memchr` (vectorised) finds each candidate for the needle's first byte that is
    /// not a space (" · " is looked for by its dot: a space is in every other word).
    static func firstOffset(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard needle.count > 0, let pin = needle.baseAddress else { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count, start <= haystack.count - needle.count, let base = haystack.baseAddress
        else { return nil }
        let key = needle.firstIndex { $0 != UInt8(ascii: " ") } ?? 0
        let last = haystack.count - needle.count
        var i = start
        while i <= last {
            // The key byte of a match at `i`…`last` lies in `i + key`…`last + key`.
            guard let hit = memchr(base + i + key, Int32(pin[key]), last - i + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - key
            if memcmp(base + at, pin, needle.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}
