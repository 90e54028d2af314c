//go:build !purego

#include "textflag.h"

// func sort3Columns(lo, mid, hi, a, b, c *byte, n int)
// For each of the n bytes (n a multiple of 16): lo, mid, hi = sorted(a, b, c).
TEXT ·sort3Columns(SB), NOSPLIT, $0-56
	MOVQ lo+0(FP), DI
	MOVQ mid+8(FP), SI
	MOVQ hi+16(FP), DX
	MOVQ a+24(FP), R8
	MOVQ b+32(FP), R9
	MOVQ c+40(FP), R10
	MOVQ n+48(FP), CX
	XORQ AX, AX
loop:
	CMPQ AX, CX
	JGE  done
	MOVOU (R8)(AX*1), X0
	MOVOU (R9)(AX*1), X1
	MOVOU (R10)(AX*1), X2
	MOVOU X0, X3
	PMINUB X1, X3 // X3 = min(a, b)
	PMAXUB X0, X1 // X1 = max(a, b)
	MOVOU X1, X4
	PMINUB X2, X4 // X4 = min(max(a, b), c)
	PMAXUB X1, X2 // X2 = max(a, b, c)
	MOVOU X3, X5
	PMINUB X4, X5 // X5 = lowest
	PMAXUB X3, X4 // X4 = middle
	MOVOU X5, (DI)(AX*1)
	MOVOU X4, (SI)(AX*1)
	MOVOU X2, (DX)(AX*1)
	ADDQ $16, AX
	JMP  loop
done:
	RET

// func combine3Columns(out, lo, mid, hi *byte, n int)
// For each of the n output bytes (n a multiple of 16), from the sorted column triples at
// x, x+1 and x+2: out[x] = med3(max of lows, med3 of middles, min of highs).
TEXT ·combine3Columns(SB), NOSPLIT, $0-40
	MOVQ out+0(FP), DI
	MOVQ lo+8(FP), R8
	MOVQ mid+16(FP), R9
	MOVQ hi+24(FP), R10
	MOVQ n+32(FP), CX
	XORQ AX, AX
loop:
	CMPQ AX, CX
	JGE  done
	// X0 = max of the three lows
	MOVOU (R8)(AX*1), X0
	MOVOU 1(R8)(AX*1), X1
	MOVOU 2(R8)(AX*1), X2
	PMAXUB X1, X0
	PMAXUB X2, X0
	// X1 = min of the three highs
	MOVOU (R10)(AX*1), X1
	MOVOU 1(R10)(AX*1), X2
	MOVOU 2(R10)(AX*1), X3
	PMINUB X2, X1
	PMINUB X3, X1
	// X2 = med3 of the three middles: max(min(p, q), min(max(p, q), r))
	MOVOU (R9)(AX*1), X2
	MOVOU 1(R9)(AX*1), X3
	MOVOU 2(R9)(AX*1), X4
	MOVOU X2, X5
	PMINUB X3, X5
	PMAXUB X3, X2
	PMINUB X4, X2
	PMAXUB X5, X2
	// med3(X0, X2, X1)
	MOVOU X0, X5
	PMINUB X2, X5
	PMAXUB X2, X0
	PMINUB X1, X0
	PMAXUB X5, X0
	MOVOU X0, (DI)(AX*1)
	ADDQ $16, AX
	JMP  loop
done:
	RET
