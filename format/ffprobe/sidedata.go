package ffprobe

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/internal/ordered"
)

// SideData is one entry of a stream's side_data_list: side_data_type,
// then the fields ffprobe 5.1's print_pkt_side_data prints for that type,
// in its order. One struct holds the fields of every type; only those of
// its own Type are printed (Replay Gain, ICC Profile and Encryption
// initialization data have none: 5.1 has no printer for them).
type SideData struct {
	Type string `json:"side_data_type"` // "Display Matrix", "Stereo 3D", ...

	// Display Matrix: the 3x3 matrix as ffprobe prints it, and its
	// rotation in degrees counter-clockwise (-90 for a quarter turn
	// clockwise).
	DisplayMatrix string `json:"displaymatrix,omitempty"`
	Rotation      int64  `json:"rotation"`

	// Stereo 3D.
	StereoType string `json:"type,omitempty"` // "side by side", "top and bottom", ...
	Inverted   int    `json:"inverted"`

	// Spherical Mapping: padding for a cubemap, bounds in pixels for a
	// tiled equirectangular projection, angles in whole degrees.
	Projection  string `json:"projection,omitempty"`
	Padding     int64  `json:"padding"`
	BoundLeft   int64  `json:"bound_left"`
	BoundTop    int64  `json:"bound_top"`
	BoundRight  int64  `json:"bound_right"`
	BoundBottom int64  `json:"bound_bottom"`
	Yaw         int64  `json:"yaw"`
	Pitch       int64  `json:"pitch"`
	Roll        int64  `json:"roll"`

	// Mastering display metadata, as rationals ("35400/50000").
	RedX         string `json:"red_x,omitempty"`
	RedY         string `json:"red_y,omitempty"`
	GreenX       string `json:"green_x,omitempty"`
	GreenY       string `json:"green_y,omitempty"`
	BlueX        string `json:"blue_x,omitempty"`
	BlueY        string `json:"blue_y,omitempty"`
	WhitePointX  string `json:"white_point_x,omitempty"`
	WhitePointY  string `json:"white_point_y,omitempty"`
	MinLuminance string `json:"min_luminance,omitempty"`
	MaxLuminance string `json:"max_luminance,omitempty"`

	// Content light level metadata, in cd/m².
	MaxContent int64 `json:"max_content"`
	MaxAverage int64 `json:"max_average"`

	// DOVI configuration record.
	DVVersionMajor            int64 `json:"dv_version_major"`
	DVVersionMinor            int64 `json:"dv_version_minor"`
	DVProfile                 int64 `json:"dv_profile"`
	DVLevel                   int64 `json:"dv_level"`
	RPUPresentFlag            int64 `json:"rpu_present_flag"`
	ELPresentFlag             int64 `json:"el_present_flag"`
	BLPresentFlag             int64 `json:"bl_present_flag"`
	DVBLSignalCompatibilityID int64 `json:"dv_bl_signal_compatibility_id"`

	// Audio Service Type.
	ServiceType int64 `json:"service_type"`

	// CPB properties, bit/s and bits; a vbv_delay of all ones prints -1.
	MaxBitrate int64 `json:"max_bitrate"`
	MinBitrate int64 `json:"min_bitrate"`
	AvgBitrate int64 `json:"avg_bitrate"`
	BufferSize int64 `json:"buffer_size"`
	VBVDelay   int64 `json:"vbv_delay"`
}

// The side_data_type values that have fields of their own.
const (
	SideDataTypeDisplayMatrix            = "Display Matrix"
	SideDataTypeStereo3D                 = "Stereo 3D"
	SideDataTypeSphericalMapping         = "Spherical Mapping"
	SideDataTypeMasteringDisplayMetadata = "Mastering display metadata"
	SideDataTypeContentLightLevel        = "Content light level metadata"
	SideDataTypeDOVIConfiguration        = "DOVI configuration record"
	SideDataTypeAudioServiceType         = "Audio Service Type"
	SideDataTypeCPBProperties            = "CPB properties"
)

// sideDataOwner is the side_data_type whose entries print a numeric key:
// numbers are printed even when 0, but only for their own type.
var sideDataOwner = map[string]string{
	"rotation": SideDataTypeDisplayMatrix,
	"inverted": SideDataTypeStereo3D,
	"padding":  SideDataTypeSphericalMapping, "bound_left": SideDataTypeSphericalMapping,
	"bound_top": SideDataTypeSphericalMapping, "bound_right": SideDataTypeSphericalMapping,
	"bound_bottom": SideDataTypeSphericalMapping, "yaw": SideDataTypeSphericalMapping,
	"pitch": SideDataTypeSphericalMapping, "roll": SideDataTypeSphericalMapping,
	"max_content": SideDataTypeContentLightLevel, "max_average": SideDataTypeContentLightLevel,
	"dv_version_major": SideDataTypeDOVIConfiguration, "dv_version_minor": SideDataTypeDOVIConfiguration,
	"dv_profile": SideDataTypeDOVIConfiguration, "dv_level": SideDataTypeDOVIConfiguration,
	"rpu_present_flag": SideDataTypeDOVIConfiguration, "el_present_flag": SideDataTypeDOVIConfiguration,
	"bl_present_flag": SideDataTypeDOVIConfiguration, "dv_bl_signal_compatibility_id": SideDataTypeDOVIConfiguration,
	"service_type": SideDataTypeAudioServiceType,
	"max_bitrate":  SideDataTypeCPBProperties, "min_bitrate": SideDataTypeCPBProperties,
	"avg_bitrate": SideDataTypeCPBProperties, "buffer_size": SideDataTypeCPBProperties,
	"vbv_delay": SideDataTypeCPBProperties,
}

// MarshalJSON renders sd as ffprobe prints a side data entry, compact.
func (sd SideData) MarshalJSON() ([]byte, error) {
	return ordered.Struct(sd, func(name string, shown bool) bool {
		owner, ok := sideDataOwner[name]
		if !ok {
			return shown
		}
		switch name {
		case "padding":
			return sd.Type == owner && sd.Projection == "cubemap"
		case "bound_left", "bound_top", "bound_right", "bound_bottom":
			return sd.Type == owner && sd.Projection == "tiled equirectangular"
		}
		return sd.Type == owner
	})
}

// SideDataList is a stream's side_data_list.
type SideDataList []SideData

// ErrSideDataNotFound is what FindSideData returns for a missing type.
var ErrSideDataNotFound = errors.New("side data not found")

// FindSideData returns the first entry of type sideDataType
// (SideDataTypeDisplayMatrix, ...), or ErrSideDataNotFound.
func (l SideDataList) FindSideData(sideDataType string) (*SideData, error) {
	for i := range l {
		if l[i].Type == sideDataType {
			return &l[i], nil
		}
	}
	return nil, ErrSideDataNotFound
}

// sideData is one entry of side_data_list as ffprobe 5.1's
// print_pkt_side_data prints it for st: numbers as print_int prints them,
// rationals as print_q's "num/den".
func sideData(st *container.Stream, sd container.SideData) SideData {
	o := SideData{Type: sd.Kind().String()}
	switch x := sd.(type) {
	case container.DisplayMatrix:
		o.DisplayMatrix = matrixText(x.Matrix)
		o.Rotation = x.Rotation()
	case container.Stereo3D:
		o.StereoType = x.Type.String()
		o.Inverted = b2i(x.Inverted)
	case container.Spherical:
		o.Projection = x.Projection.String()
		switch x.Projection {
		case container.SphericalCubemap:
			o.Padding = int64(x.Padding)
		case container.SphericalEquirectangularTile:
			// av_spherical_tile_bounds gives size_t values; print_int
			// takes them as long long.
			l, t, r, b, _ := x.TileBounds(st.Width, st.Height)
			o.BoundLeft, o.BoundTop, o.BoundRight, o.BoundBottom = int64(l), int64(t), int64(r), int64(b)
		}
		// print_int of (double) yaw / (1 << 16): truncated toward zero.
		o.Yaw = int64(float64(x.Yaw) / (1 << 16))
		o.Pitch = int64(float64(x.Pitch) / (1 << 16))
		o.Roll = int64(float64(x.Roll) / (1 << 16))
	case container.MasteringDisplay:
		if x.HasPrimaries {
			o.RedX, o.RedY = x.Primaries[0][0].String(), x.Primaries[0][1].String()
			o.GreenX, o.GreenY = x.Primaries[1][0].String(), x.Primaries[1][1].String()
			o.BlueX, o.BlueY = x.Primaries[2][0].String(), x.Primaries[2][1].String()
			o.WhitePointX, o.WhitePointY = x.WhitePoint[0].String(), x.WhitePoint[1].String()
		}
		if x.HasLuminance {
			o.MinLuminance, o.MaxLuminance = x.MinLuminance.String(), x.MaxLuminance.String()
		}
	case container.ContentLight:
		o.MaxContent, o.MaxAverage = int64(x.MaxCLL), int64(x.MaxFALL)
	case container.DOVIConfig:
		o.DVVersionMajor, o.DVVersionMinor = int64(x.VersionMajor), int64(x.VersionMinor)
		o.DVProfile, o.DVLevel = int64(x.Profile), int64(x.Level)
		o.RPUPresentFlag, o.ELPresentFlag, o.BLPresentFlag = int64(b2i(x.RPUPresent)), int64(b2i(x.ELPresent)), int64(b2i(x.BLPresent))
		o.DVBLSignalCompatibilityID = int64(x.BLSignalCompatibilityID)
	case container.AudioServiceType:
		o.ServiceType = int64(x.Type)
	case container.CPBProperties:
		o.MaxBitrate, o.MinBitrate, o.AvgBitrate, o.BufferSize = x.MaxBitrate, x.MinBitrate, x.AvgBitrate, x.BufferSize
		// A uint64_t through print_int: all ones prints -1.
		o.VBVDelay = int64(x.VBVDelay)
	}
	return o
}

// matrixText renders a display matrix as ffprobe prints "displaymatrix"
// (writer_print_integers with " %11d", 3 columns): a newline, then per row
// its index as "%08x: " and each value as " %11d", and a newline.
func matrixText(m [9]int32) string {
	var b strings.Builder
	b.WriteByte('\n')
	for row := 0; row < 3; row++ {
		fmt.Fprintf(&b, "%08x: ", row)
		for col := 0; col < 3; col++ {
			fmt.Fprintf(&b, " %11d", m[3*row+col])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// decoderOptions sets the decoder's exported options, which ffprobe
// prints after refs (print_stream: av_opt_get of every
// AV_OPT_FLAG_EXPORT option, in the decoder's option order, as strings).
func decoderOptions(o *Stream, st *container.Stream) {
	switch x := st.DecoderOptions.(type) {
	case container.H264Options:
		o.IsAVC = fmt.Sprint(x.IsAVC)
		o.NALLengthSize = fmt.Sprint(x.NALLengthSize)
	case container.MPEG4Options:
		o.QuarterSample = fmt.Sprint(x.QuarterSample)
		o.DivXPacked = fmt.Sprint(x.DivXPacked)
	}
}
