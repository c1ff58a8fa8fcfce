// The library users import re-exports the closed-form theory and the linear-algebra types it uses.
@_exported import LinearAlgebra
@_exported import ScalingTheory
