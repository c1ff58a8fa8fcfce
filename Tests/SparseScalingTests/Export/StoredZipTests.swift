import Foundation
import Testing
@testable import SparseScaling

/// The stored ZIP writer behind `.npz` files: the CRC-32 of ZIP, and an archive that `unzip`-style readers parse.
@Suite("Stored ZIP")
struct StoredZipTests {
    @Test("CRC-32 matches the standard check values")
    func crc() {
        #expect(StoredZip.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(StoredZip.crc32(Data()) == 0)
        #expect(StoredZip.crc32(Data("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test("entries are stored byte for byte, and the central directory points at them")
    func layout() throws {
        let entries = [("a.npy", Data([1, 2, 3])), ("bb.npy", Data(repeating: 7, count: 1000))]
        let zip = try StoredZip.archive(entries)
        // End of central directory: last 22 bytes; entry count, directory size and offset.
        let end = zip.suffix(22)
        func le16(_ d: Data, _ at: Int) -> Int { Int(d[d.startIndex + at]) | Int(d[d.startIndex + at + 1]) << 8 }
        func le32(_ d: Data, _ at: Int) -> Int { le16(d, at) | le16(d, at + 2) << 16 }
        #expect(le32(end, 0) == 0x0605_4b50)
        #expect(le16(end, 10) == 2)
        let directoryOffset = le32(end, 16)
        #expect(directoryOffset + le32(end, 12) == zip.count - 22)
        // Each local header is followed by the name and the data, uncompressed.
        var offset = 0
        for (name, data) in entries {
            let header = zip.subdata(in: offset..<offset + 30)
            #expect(le32(header, 0) == 0x0403_4b50)
            #expect(le16(header, 8) == 0)  // stored
            #expect(le32(header, 14) == Int(StoredZip.crc32(data)))
            #expect(le32(header, 18) == data.count && le32(header, 22) == data.count)
            let nameLength = le16(header, 26)
            #expect(zip.subdata(in: offset + 30..<offset + 30 + nameLength) == Data(name.utf8))
            #expect(zip.subdata(in: offset + 30 + nameLength..<offset + 30 + nameLength + data.count) == data)
            offset += 30 + nameLength + data.count
        }
        #expect(offset == directoryOffset)
    }
}
