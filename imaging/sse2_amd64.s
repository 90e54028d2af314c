//go:build !purego

#include "textflag.h"

// BROADCASTW puts the low 16 bits of general register R in all eight words of X.
#define BROADCASTW(R, X) \
	MOVQ R, X; \
	PSHUFLW $0, X, X; \
	PSHUFD $0, X, X

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

// func lerpRow16(out, a, b *byte, n, f int)
// out[i] = (a[i]·(256−f) + b[i]·f + 128) >> 8 for i < n; n a multiple of 16, 0 ≤ f < 256.
// The sum is at most 255·256 + 128, so 16-bit lanes hold it.
TEXT ·lerpRow16(SB), NOSPLIT, $0-40
	MOVQ out+0(FP), DI
	MOVQ a+8(FP), R8
	MOVQ b+16(FP), R9
	MOVQ n+24(FP), CX
	MOVQ f+32(FP), AX
	BROADCASTW(AX, X5) // f
	MOVQ $256, BX
	SUBQ AX, BX
	BROADCASTW(BX, X6) // 256−f
	MOVQ $128, BX
	BROADCASTW(BX, X4) // 128, for rounding
	PXOR X7, X7
	XORQ AX, AX
loop:
	CMPQ AX, CX
	JGE  done
	MOVOU (R8)(AX*1), X0
	MOVOU (R9)(AX*1), X1
	MOVOU X0, X2
	PUNPCKLBW X7, X0
	PUNPCKHBW X7, X2
	MOVOU X1, X3
	PUNPCKLBW X7, X1
	PUNPCKHBW X7, X3
	PMULLW X6, X0
	PMULLW X6, X2
	PMULLW X5, X1
	PMULLW X5, X3
	PADDW X1, X0
	PADDW X3, X2
	PADDW X4, X0
	PADDW X4, X2
	PSRLW $8, X0
	PSRLW $8, X2
	PACKUSWB X2, X0
	MOVOU X0, (DI)(AX*1)
	ADDQ $16, AX
	JMP  loop
done:
	RET

// func blendColumns16(out, src *byte, stride, taps int, w *uint16)
// out[i] = (Σ_r src[r·stride+i]·w[16r+i] + 128) >> 8 for i < 16 and r < taps (taps ≥ 1),
// where each lane's weights sum to 256.
TEXT ·blendColumns16(SB), NOSPLIT, $0-40
	MOVQ out+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ stride+16(FP), DX
	MOVQ taps+24(FP), CX
	MOVQ w+32(FP), R8
	MOVQ $128, BX
	BROADCASTW(BX, X0)
	MOVOU X0, X1 // both accumulators start at 128, for rounding
	PXOR X7, X7
loop:
	MOVOU (SI), X2
	MOVOU X2, X3
	PUNPCKLBW X7, X2
	PUNPCKHBW X7, X3
	MOVOU (R8), X5
	MOVOU 16(R8), X6
	PMULLW X5, X2
	PMULLW X6, X3
	PADDW X2, X0
	PADDW X3, X1
	ADDQ DX, SI
	ADDQ $32, R8
	DECQ CX
	JNZ  loop
	PSRLW $8, X0
	PSRLW $8, X1
	PACKUSWB X1, X0
	MOVOU X0, (DI)
	RET

// func threshold16(out, src, thr *byte, n int)
// out[i] = 0 where src[i] ≤ thr[i], 255 elsewhere, for i < n; n a multiple of 16.
TEXT ·threshold16(SB), NOSPLIT, $0-32
	MOVQ out+0(FP), DI
	MOVQ src+8(FP), R8
	MOVQ thr+16(FP), R9
	MOVQ n+24(FP), CX
	PCMPEQB X7, X7 // all ones
	XORQ AX, AX
loop:
	CMPQ AX, CX
	JGE  done
	MOVOU (R8)(AX*1), X0
	MOVOU (R9)(AX*1), X1
	PMINUB X0, X1 // min(src, thr) equals src where src ≤ thr
	PCMPEQB X0, X1
	PXOR X7, X1
	MOVOU X1, (DI)(AX*1)
	ADDQ $16, AX
	JMP  loop
done:
	RET

// Luma weights for PMADDWD on unpacked RGBA words: the pairs (R, G) and (B, A) of each pixel.
// 38470, G's weight, does not fit a signed word, so G is counted twice: 19235 + 19235.
DATA lumaRGBA<>+0(SB)/8, $0x00001d2f4b234c8b // words 19595, 19235, 7471, 0
DATA lumaRGBA<>+8(SB)/8, $0x00001d2f4b234c8b
GLOBL lumaRGBA<>(SB), RODATA|NOPTR, $16
DATA lumaG<>+0(SB)/8, $0x000000004b230000 // words 0, 19235, 0, 0
DATA lumaG<>+8(SB)/8, $0x000000004b230000
GLOBL lumaG<>(SB), RODATA|NOPTR, $16
DATA half16<>+0(SB)/8, $0x0000800000008000 // dwords 32768
DATA half16<>+8(SB)/8, $0x0000800000008000
GLOBL half16<>(SB), RODATA|NOPTR, $16

// LUMA4 leaves in dwords 0 and 1 of R the partial sums of two pixels' luma (·65536): for the
// pixel pairs in word registers W, dword i of R = 19595R+38470G of pixel i/2 (even i) or
// 7471B (odd i). Uses X14, X15 as the weights.
#define LUMA4(W, R, T) \
	MOVOU W, R; \
	PMADDWL X14, R; \
	MOVOU W, T; \
	PMADDWL X15, T; \
	PADDL T, R

// LUMA8 leaves in the eight words of X0 the luma of the eight RGBA pixels at OFF(SI). After
// LUMA4, X2 = [a0 b0 a1 b1] and X3 = [a2 b2 a3 b3]; SHUFPS gathers the a's and the b's of four
// pixels so that one PADDL sums each pixel's two halves. Uses X1–X6, X12 (zero), X13 (32768s),
// X14 and X15.
#define LUMA8(OFF) \
	MOVOU OFF(SI), X0; \
	MOVOU X0, X1; \
	PUNPCKLBW X12, X0; \
	PUNPCKHBW X12, X1; \
	LUMA4(X0, X2, X6); \
	LUMA4(X1, X3, X6); \
	MOVOU OFF+16(SI), X0; \
	MOVOU X0, X1; \
	PUNPCKLBW X12, X0; \
	PUNPCKHBW X12, X1; \
	LUMA4(X0, X4, X6); \
	LUMA4(X1, X5, X6); \
	MOVAPS X2, X0; \
	SHUFPS $0x88, X3, X0; \
	SHUFPS $0xDD, X3, X2; \
	PADDL X2, X0; \
	MOVAPS X4, X1; \
	SHUFPS $0x88, X5, X1; \
	SHUFPS $0xDD, X5, X4; \
	PADDL X4, X1; \
	PADDL X13, X0; \
	PADDL X13, X1; \
	PSRLL $16, X0; \
	PSRLL $16, X1; \
	PACKSSLW X1, X0

// func rgbaToGray16(out, src *byte, n int)
// out[i] = (19595·R + 38470·G + 7471·B + 32768) >> 16 of the RGBA pixel at src[4i:], for
// i < n; n a multiple of 16.
TEXT ·rgbaToGray16(SB), NOSPLIT, $0-24
	MOVQ out+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	MOVOU lumaRGBA<>(SB), X14
	MOVOU lumaG<>(SB), X15
	MOVOU half16<>(SB), X13
	PXOR X12, X12
	XORQ AX, AX
loop:
	CMPQ AX, CX
	JGE  done
	LUMA8(0) // pixels 0–7
	MOVOU X0, X8
	LUMA8(32) // pixels 8–15
	PACKUSWB X0, X8
	MOVOU X8, (DI)(AX*1)
	ADDQ $64, SI
	ADDQ $16, AX
	JMP  loop
done:
	RET
