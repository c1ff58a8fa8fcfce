// NLopt (nonlinear optimization: L-BFGS, BOBYQA, …) as shipped by Debian's libnlopt-dev.
#include <nlopt.h>
