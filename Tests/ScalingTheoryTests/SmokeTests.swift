import Testing
@testable import ScalingTheory
