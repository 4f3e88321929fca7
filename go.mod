module github.com/mediaprobe/mediaprobe

go 1.26.8

require (
	github.com/abema/go-mp4 v1.7.3
	github.com/dhowden/tag v0.0.0-20240417053706-3d75831295e8
	github.com/mewkiz/flac v1.0.14
	github.com/stretchr/testify v1.12.1
	github.com/tcolgate/mp3 v0.0.0-20170426193717-e79c5a46d300
)

require (
	github.com/google/uuid v1.1.2 // indirect
	github.com/icza/bitio v1.1.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
