package ordered

// Str returns the string value of key, or "".
func (o *Object) Str(key string) string {
	v, _ := o.Get(key)
	s, _ := v.(string)
	return s
}

// Int returns the integer value of key (a JSON number), or 0.
func (o *Object) Int(key string) int64 {
	v, _ := o.Get(key)
	switch x := v.(type) {
	case int:
		return int64(x)
	case int64:
		return x
	}
	return 0
}

// Obj returns the object value of key, or nil.
func (o *Object) Obj(key string) *Object {
	v, _ := o.Get(key)
	x, _ := v.(*Object)
	return x
}

// Objs returns the array value of key, or nil.
func (o *Object) Objs(key string) []*Object {
	v, _ := o.Get(key)
	x, _ := v.([]*Object)
	return x
}
