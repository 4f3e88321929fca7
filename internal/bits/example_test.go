package bits_test

import (
	"fmt"

	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// An H.264 sequence parameter set from an Annex B stream: cut the stream
// at its start codes, remove the emulation prevention bytes, read the
// fields, and ask for the error once.
func Example() {
	stream := []byte{
		0x00, 0x00, 0x00, 0x01, // start code
		0x67,             // forbidden_zero_bit, nal_ref_idc 3, nal_unit_type 7: SPS
		0x64, 0x00, 0x1F, // profile_idc 100, constraint flags, level_idc 31
		0xAC,                               // sps_id ue "1", chroma_format_idc ue "010", ...
		0xD9, 0x40, 0x50, 0x05, 0xBB, 0x01, // ...
		0x10, 0x00, 0x00, 0x03, 0x00, 0x10, // 0x03: an emulation prevention byte
		0x00, 0x00, 0x03, 0x03, 0xC0, 0xF1, // another
		0x83, 0x19, 0x60,
		0x00, 0x00, 0x00, 0x01, 0x68, 0xEB, 0xE3, 0xCB, 0x22, 0xC0, // a PPS
	}
	units := bits.SplitAnnexB(stream, 16)
	rbsp := bits.RBSP(units[0])
	fmt.Println(len(units), len(units[0]), len(rbsp))

	r := bits.NewReader(rbsp)
	r.Skip(8) // NAL unit header
	profile := r.U8()
	r.Skip(8) // constraint_set0..5_flag, reserved_zero_2bits
	level := r.U8()
	id := r.UE()
	chroma := r.UE()
	if err := r.Err(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(profile, level, id, chroma)
	// Output:
	// 2 26 24
	// 100 31 0 1
}
