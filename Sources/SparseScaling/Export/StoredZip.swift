import Foundation

/// A ZIP archive whose entries are stored without compression (method 0), as `numpy.savez` writes `.npz` files.
package enum StoredZip {
    /// The archive holding `entries` (name, bytes) in order. Sizes stay below 4 GiB (no ZIP64).
    package static func archive(_ entries: [(name: String, data: Data)]) throws -> Data {
        var archive = Data()
        var directory = Data()
        for (name, data) in entries {
            guard data.count < Int(UInt32.max), archive.count < Int(UInt32.max) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(name) is too large for a ZIP without ZIP64"])
            }
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(archive.count)
            // Local file header.
            archive.append(le32: 0x0403_4b50)
            archive.append(le16: 20); archive.append(le16: 0); archive.append(le16: 0)  // version, flags, stored
            archive.append(le16: 0); archive.append(le16: 0x21)  // time 00:00:00, date 1980-01-01
            archive.append(le32: crc); archive.append(le32: UInt32(data.count)); archive.append(le32: UInt32(data.count))
            archive.append(le16: UInt16(nameBytes.count)); archive.append(le16: 0)
            archive.append(contentsOf: nameBytes)
            archive.append(data)
            // Central directory entry.
            directory.append(le32: 0x0201_4b50)
            directory.append(le16: 20); directory.append(le16: 20); directory.append(le16: 0); directory.append(le16: 0)
            directory.append(le16: 0); directory.append(le16: 0x21)
            directory.append(le32: crc); directory.append(le32: UInt32(data.count)); directory.append(le32: UInt32(data.count))
            directory.append(le16: UInt16(nameBytes.count)); directory.append(le16: 0); directory.append(le16: 0)
            directory.append(le16: 0); directory.append(le16: 0); directory.append(le32: 0)
            directory.append(le32: offset)
            directory.append(contentsOf: nameBytes)
        }
        let directoryOffset = UInt32(archive.count)
        archive.append(directory)
        // End of central directory.
        archive.append(le32: 0x0605_4b50)
        archive.append(le16: 0); archive.append(le16: 0)
        archive.append(le16: UInt16(entries.count)); archive.append(le16: UInt16(entries.count))
        archive.append(le32: UInt32(directory.count)); archive.append(le32: directoryOffset)
        archive.append(le16: 0)
        return archive
    }

    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) of `data`, as ZIP requires.
    package static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }
}

extension Data {
    mutating func append(le16 value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    mutating func append(le32 value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
