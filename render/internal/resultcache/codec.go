package resultcache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
)

// errDecode is why a stored entry is not used: it does not decode into
// the value asked for (a corrupt store, or a bug). The render is then
// done again, and the entry replaced.
var errDecode = errors.New("resultcache: entry does not decode")

// encode writes v (a struct of exported fields that are bools, ints,
// strings, byte slices, slices, pointers and structs of these) exactly:
// strings and bytes as they are, nil told from empty. The error is for a
// kind it cannot write.
func encode(b []byte, v reflect.Value, depth int) ([]byte, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("resultcache: nested deeper than %d", maxDepth)
	}
	switch v.Kind() {
	case reflect.Bool:
		return append(b, byte(boolBit(v.Bool()))), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int()), nil
	case reflect.String:
		return append(binary.AppendUvarint(b, uint64(len(v.String()))), v.String()...), nil
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 0), nil
		}
		return encode(append(b, 1), v.Elem(), depth+1)
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0), nil
		}
		b = binary.AppendUvarint(append(b, 1), uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return append(b, v.Bytes()...), nil
		}
		var err error
		for i := range v.Len() {
			if b, err = encode(b, v.Index(i), depth+1); err != nil {
				return nil, err
			}
		}
		return b, nil
	case reflect.Struct:
		var err error
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			if b, err = encode(b, v.Field(i), depth+1); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("resultcache: cannot store a %s", v.Type())
}

// decoder reads what encode wrote.
type decoder struct{ b []byte }

func (d *decoder) uvarint() (uint64, error) {
	n, w := binary.Uvarint(d.b)
	if w <= 0 {
		return 0, errDecode
	}
	d.b = d.b[w:]
	return n, nil
}

// length reads a length that the rest of the entry can hold, at least
// one byte an element: a corrupt length never makes a huge allocation.
func (d *decoder) length() (int, error) {
	n, err := d.uvarint()
	if err != nil || n > uint64(len(d.b)) {
		return 0, errDecode
	}
	return int(n), nil
}

func (d *decoder) flag() (bool, error) {
	if len(d.b) == 0 || d.b[0] > 1 {
		return false, errDecode
	}
	f := d.b[0] == 1
	d.b = d.b[1:]
	return f, nil
}

// value decodes into v, which is settable and of the type encoded.
func (d *decoder) value(v reflect.Value, depth int) error {
	if depth > maxDepth {
		return errDecode
	}
	switch v.Kind() {
	case reflect.Bool:
		f, err := d.flag()
		v.SetBool(f)
		return err
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, w := binary.Varint(d.b)
		if w <= 0 || v.OverflowInt(n) {
			return errDecode
		}
		d.b = d.b[w:]
		v.SetInt(n)
		return nil
	case reflect.String:
		n, err := d.length()
		if err != nil {
			return err
		}
		v.SetString(string(d.b[:n]))
		d.b = d.b[n:]
		return nil
	case reflect.Pointer:
		if set, err := d.flag(); err != nil || !set {
			return err
		}
		v.Set(reflect.New(v.Type().Elem()))
		return d.value(v.Elem(), depth+1)
	case reflect.Slice:
		if set, err := d.flag(); err != nil || !set {
			return err
		}
		n, err := d.length()
		if err != nil {
			return err
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes(append(make([]byte, 0, n), d.b[:n]...))
			d.b = d.b[n:]
			return nil
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			if err := d.value(v.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	case reflect.Struct:
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			if err := d.value(v.Field(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return errDecode
}
