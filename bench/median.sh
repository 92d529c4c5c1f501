# Sourced by the benchmark scripts: median VALUES... prints the median of the
# numbers given (the lower middle one of an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
