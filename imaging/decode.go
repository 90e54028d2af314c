package imaging

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	dimg "github.com/disintegration/imaging"
	"golang.org/x/image/tiff"

	"github.com/sohoa/sohoa/domain"
)

// Format is an image file format the decoder accepts.
type Format string

// The accepted formats.
const (
	FormatPNG  Format = "png"
	FormatJPEG Format = "jpeg"
	FormatTIFF Format = "tiff"
)

// Limits bounds what Decode and Probe accept. Zero fields take the defaults below.
type Limits struct {
	// MaxBytes is the largest encoded file read, default 256 MiB.
	MaxBytes int64
	// MaxPixels is the largest width×height decoded, default 100 megapixels. It is checked from
	// the header, before any pixel memory is allocated, so decompression bombs are refused.
	MaxPixels int64
	// MinSide is the smallest width or height accepted as a page, default 100 pixels.
	MinSide int
}

// Default limits.
const (
	DefaultMaxBytes  = 256 << 20
	DefaultMaxPixels = 100_000_000
	DefaultMinSide   = 100
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultMaxPixels
	}
	if l.MinSide <= 0 {
		l.MinSide = DefaultMinSide
	}
	return l
}

// Info is what Probe learns from an image header.
type Info struct {
	Format        Format
	Width, Height int // as stored, before any EXIF rotation
	Orientation   int // EXIF orientation 1..8 (JPEG only; 1 when absent)
	// DPI is the scanning resolution the file records (PNG pHYs, JPEG JFIF or EXIF, TIFF
	// XResolution), 0 when it records none or an implausible one (cameras write 72). Pass it
	// as Options.DPI to Clean.
	DPI float64
	// Camera is set when the file's EXIF names the camera that took it (a phone photo).
	Camera bool
}

// Sniff names the format of data from its first bytes.
func Sniff(data []byte) (Format, error) {
	switch {
	case len(data) == 0:
		return "", fmt.Errorf("sniff: empty input: %w", domain.ErrInvalid)
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return FormatPNG, nil
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		return FormatJPEG, nil
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return FormatTIFF, nil
	}
	return "", fmt.Errorf("sniff: not a PNG, JPEG or TIFF image: %w", domain.ErrUnsupported)
}

// Probe checks the header of an encoded image against lim without decoding the pixels, so
// the upload API can refuse bad files cheaply.
func Probe(data []byte, lim Limits) (Info, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return Info{}, fmt.Errorf("probe: file is %d bytes, limit %d: %w", len(data), lim.MaxBytes, domain.ErrTooLarge)
	}
	f, err := Sniff(data)
	if err != nil {
		return Info{}, fmt.Errorf("probe: %w", err)
	}
	cfg, err := safeDecodeConfig(f, data)
	if err != nil {
		return Info{}, fmt.Errorf("probe %s header: %w: %w", f, domain.ErrInvalid, err)
	}
	info := Info{Format: f, Width: cfg.Width, Height: cfg.Height, Orientation: 1, DPI: fileDPI(f, data)}
	if f == FormatJPEG {
		info.Orientation = jpegOrientation(data)
		info.Camera = jpegCamera(data)
	}
	switch {
	case cfg.Width <= 0 || cfg.Height <= 0:
		return info, fmt.Errorf("probe: image has no pixels (%d×%d): %w", cfg.Width, cfg.Height, domain.ErrInvalid)
	case int64(cfg.Width)*int64(cfg.Height) > lim.MaxPixels:
		return info, fmt.Errorf("probe: image is %d×%d pixels, limit %d megapixels: %w",
			cfg.Width, cfg.Height, lim.MaxPixels/1_000_000, domain.ErrTooLarge)
	case cfg.Width < lim.MinSide || cfg.Height < lim.MinSide:
		return info, fmt.Errorf("probe: image is %d×%d pixels, too small to be a page (minimum %d on each side): %w",
			cfg.Width, cfg.Height, lim.MinSide, domain.ErrInvalid)
	}
	return info, nil
}

// Decode reads one PNG, JPEG or TIFF image from r within lim, checking the header before
// decoding the pixels and applying the EXIF orientation of JPEGs. Info describes the file as
// stored (Width and Height before the EXIF turn) and carries its recorded resolution.
func Decode(r io.Reader, lim Limits) (image.Image, Info, error) {
	lim = lim.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, Info{}, fmt.Errorf("decode: read: %w", err)
	}
	return DecodeBytes(data, lim)
}

// DecodeBytes is Decode for an image already in memory.
func DecodeBytes(data []byte, lim Limits) (image.Image, Info, error) {
	info, err := Probe(data, lim)
	if err != nil {
		return nil, info, fmt.Errorf("decode: %w", err)
	}
	img, err := safeDecode(info.Format, data)
	if err != nil {
		return nil, info, fmt.Errorf("decode %s: %w: %w", info.Format, domain.ErrInvalid, err)
	}
	if b := img.Bounds(); b.Dx() != info.Width || b.Dy() != info.Height {
		return nil, info, fmt.Errorf("decode %s: pixels are %v, header said %d×%d: %w",
			info.Format, b.Size(), info.Width, info.Height, domain.ErrInvalid)
	}
	return orient(img, info.Orientation), info, nil
}

// errPanic reports a decoder that panicked on malformed input.
var errPanic = errors.New("decoder panicked on malformed data")

// safeDecodeConfig calls the format's own DecodeConfig (no global registry) and turns a
// decoder panic into an error.
func safeDecodeConfig(f Format, data []byte) (cfg image.Config, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", errPanic, p)
		}
	}()
	r := bytes.NewReader(data)
	switch f {
	case FormatPNG:
		return png.DecodeConfig(r)
	case FormatJPEG:
		return jpeg.DecodeConfig(r)
	case FormatTIFF:
		return tiff.DecodeConfig(r)
	}
	return image.Config{}, fmt.Errorf("format %q: %w", f, domain.ErrUnsupported)
}

func safeDecode(f Format, data []byte) (img image.Image, err error) {
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, fmt.Errorf("%w: %v", errPanic, p)
		}
	}()
	r := bytes.NewReader(data)
	switch f {
	case FormatPNG:
		return png.Decode(r)
	case FormatJPEG:
		return jpeg.Decode(r)
	case FormatTIFF:
		return tiff.Decode(r)
	}
	return nil, fmt.Errorf("format %q: %w", f, domain.ErrUnsupported)
}

// orient turns a decoded image upright according to its EXIF orientation, using dimg's
// lossless 90°/flip transforms.
func orient(img image.Image, o int) image.Image {
	switch o {
	case 2:
		return dimg.FlipH(img)
	case 3:
		return dimg.Rotate180(img)
	case 4:
		return dimg.FlipV(img)
	case 5:
		return dimg.Transpose(img)
	case 6:
		return dimg.Rotate270(img) // dimg rotates counter-clockwise; 6 means turn 90° clockwise
	case 7:
		return dimg.Transverse(img)
	case 8:
		return dimg.Rotate90(img)
	}
	return img
}
