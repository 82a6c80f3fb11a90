/// A user's SMS made ready for every SMS family in one pass. Undated SMS, SMS after the cutoff
/// and duplicates are dropped, and the rest are sorted by received time. Each kept SMS gets its
/// IST day, month, window mask and interned sender once.
struct PreparedSMS {
    /// Indexes into `UserData.sms` of the kept SMS, oldest first.
    var indexes: [Int] = []
    var times: [EventTime] = []
    /// Interned sender of each kept SMS; `senderKeys[senderIDs[i]]` is the sender key.
    var senderIDs: [Int] = []
    var senderKeys: [String] = []
    /// Per interned sender: a phone number (person to person) rather than a header.
    var senderIsPhone: [Bool] = []
    var isSent: [Bool] = []
    /// Number of SMS received at or before the cutoff and dropped as duplicates of a kept SMS,
    /// by the loader (same id, or same sender, body and received second) or here.
    var duplicateCount = 0
    var undatedCount = 0
    var afterCutoffCount = 0
    /// SMS whose received time is more than an hour after the sync that carried them, among
    /// SMS synced at or before the cutoff.
    var futureDatedCount = 0

    var count: Int { indexes.count }

    init(user: UserData, clock: FeatureClock) {
        // Fields are read through a pointer because copying each large `ExtractedSMS` value was a
        // measurable share of the engine's time.
        user.sms.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            prepare(base: base, count: buffer.count, user: user, clock: clock)
        }
    }

    private mutating func prepare(base: UnsafePointer<ExtractedSMS>, count: Int, user: UserData, clock: FeatureClock) {
        duplicateCount = user.droppedDuplicateMillis.reduce(0) { $0 + ($1 <= clock.cutoffMillis ? 1 : 0) }
        var dated: [(millis: Int64, index: Int)] = []
        dated.reserveCapacity(count)
        for index in 0..<count {
            let sms = base + index
            if sms.pointee.createdAtMillis > 0, sms.pointee.createdAtMillis <= clock.cutoffMillis,
               let received = sms.pointee.inboxDateMillis, received > sms.pointee.createdAtMillis + 3_600_000 {
                futureDatedCount += 1
            }
            guard let received = sms.pointee.inboxDateMillis else {
                undatedCount += 1
                continue
            }
            guard received <= clock.cutoffMillis else {
                afterCutoffCount += 1
                continue
            }
            dated.append((received, index))
        }
        dated.sort { $0.millis != $1.millis ? $0.millis < $1.millis : $0.index < $1.index }

        var seen = OpenKeyTable<DuplicateKey>(minimumCapacity: dated.count)
        // Senders compare by their bytes, as the hash reads them.
        var senders = OpenKeyTable<ExactText>()
        indexes.reserveCapacity(dated.count)
        times.reserveCapacity(dated.count)
        senderIDs.reserveCapacity(dated.count)
        isSent.reserveCapacity(dated.count)
        var cachedDay = Int.min
        var cachedTime: EventTime?
        for (millis, index) in dated {
            let sms = base + index
            let (senderID, newSender) = senders.insert(ExactText(sms.pointee.smsSender),
                                                          hash: textHash(sms.pointee.smsSender))
            if newSender {
                senderKeys.append(sms.pointee.smsSender)
                senderIsPhone.append(PreparedSMS.isPhoneNumber(sms.pointee.smsSender))
            }
            let key = DuplicateKey(sender: senderID, bodyHash: textHash(sms.pointee.smsBody), second: floorDivide(millis, 1000))
            guard seen.insert(key, hash: key.hash).inserted else {
                duplicateCount += 1
                continue
            }
            // Most SMS share their day with the previous one; only the hour changes within a day.
            let day = FeatureClock.day(of: millis)
            var time: EventTime
            if day == cachedDay, let cached = cachedTime {
                time = cached
                let hour = (millis + FeatureClock.indiaOffsetMillis - Int64(day) * FeatureClock.dayMillis) / 3_600_000
                time.isNight = hour < 6
            } else {
                time = clock.time(of: millis)
                cachedDay = day
                cachedTime = time
            }
            indexes.append(index)
            times.append(time)
            senderIDs.append(senderID)
            isSent.append(user.folder(ofSMSAt: index) == .sent)
        }
    }

    /// True for a sender that is a phone number: 10 or more digits after an optional `+`.
    static func isPhoneNumber(_ sender: String) -> Bool {
        var digits = 0
        for byte in sender.utf8 {
            if byte >= 0x30, byte <= 0x39 {
                digits += 1
            } else if byte != 0x2B {
                return false
            }
        }
        return digits >= 10
    }
}

private struct DuplicateKey: Hashable {
    var sender: Int
    var bodyHash: UInt64
    var second: Int64

    /// The three fields mixed into one word for `OpenKeyTable`.
    var hash: UInt64 {
        bodyHash ^ (UInt64(truncatingIfNeeded: sender) &* 0x9E37_79B9_7F4A_7C15)
            ^ (UInt64(bitPattern: second) &* 0xC2B2_AE3D_27D4_EB4F)
    }
}

/// Returns a 64-bit hash of the UTF-8 bytes of `text`, the same in every run (unlike `Hasher`).
///
/// It mixes 8 bytes per multiplication. Byte-at-a-time FNV-1a, used before, took about 5% of
/// serve-insights CPU in a perf profile of `credeau-bench insights`. Each step is a bijection of
/// the state for a given word, and the length seeds the state, so two texts of the same length
/// that differ in one 8-byte word never collide.
func textHash(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { utf8 in
        let bytes = UnsafeRawBufferPointer(utf8)
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* multiplier
        return hash ^ (hash >> 32)
    }
}

/// ASCII case-insensitive substring search over UTF-8 bytes, without allocating.
/// `needle` must be lower-case ASCII.
func containsASCIICaseInsensitive(_ text: String, _ needle: StaticString) -> Bool {
    let needleCount = needle.utf8CodeUnitCount
    guard needleCount > 0 else { return true }
    let needleStart = needle.utf8Start
    var text = text
    return text.withUTF8 { haystack -> Bool in
        guard haystack.count >= needleCount else { return false }
        let first = needleStart[0]
        var position = 0
        let last = haystack.count - needleCount
        while position <= last {
            let start = haystack[position]
            if (start >= 0x41 && start <= 0x5A ? start | 0x20 : start) == first {
                var offset = 1
                while offset < needleCount {
                    let byte = haystack[position + offset]
                    let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if lowered != needleStart[offset] { break }
                    offset += 1
                }
                if offset == needleCount { return true }
            }
            position += 1
        }
        return false
    }
}
