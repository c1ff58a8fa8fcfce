import Foundation
import ArgumentParser

/// A failure while running a command (exit status 1), with a one-line message.
struct RuntimeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
