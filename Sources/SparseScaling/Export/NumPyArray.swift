import Foundation

/// Writes NumPy `.npy` files (format version 1.0, little-endian, C order) that `numpy.load` reads.
package enum NumPyArray {
    /// The bytes of a float64 array of `shape` whose entries, in C (row-major) order, are `values`.
    package static func float64(_ values: [Double], shape: [Int]) -> Data {
        precondition(shape.reduce(1, *) == values.count, "shape does not match the number of values")
        var data = header(descr: "<f8", shape: shape)
        values.withUnsafeBufferPointer { buffer in
            for v in buffer { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        return data
    }

    /// The bytes of an int64 array of `shape`.
    package static func int64(_ values: [Int], shape: [Int]) -> Data {
        precondition(shape.reduce(1, *) == values.count, "shape does not match the number of values")
        var data = header(descr: "<i8", shape: shape)
        for v in values { withUnsafeBytes(of: Int64(v).littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// The magic string, version and padded header dictionary.
    static func header(descr: String, shape: [Int]) -> Data {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        // Magic (6) + version (2) + header length (2) + dict + newline must be a multiple of 64.
        let unpadded = 10 + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(dict.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xff), UInt8(length >> 8)])
        data.append(contentsOf: Array(dict.utf8))
        return data
    }
}
