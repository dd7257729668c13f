// Package textcheck finds the entries left out of a table of words, for
// the tests of the packages that keep such tables (tui/common's Texts,
// the records' terms, the tally sheet's terms). It walks a value by
// reflection, unexported fields included.
package textcheck

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
)

// Missing returns the paths below v, named path, of the entries left
// out: a nil func, pointer, interface, map or slice; an empty string, map
// or slice; a list of lines ([]string) with no text at all (blank lines
// between paragraphs are text's). Paths in allowed may be empty, e.g.
// `zh.tallyKind[regular]`.
func Missing(path string, v any, allowed ...string) []string {
	var out []string
	walk(path, reflect.ValueOf(v), func(p string) {
		if !slices.Contains(allowed, p) {
			out = append(out, p)
		}
	})
	return out
}

func walk(path string, v reflect.Value, miss func(string)) {
	switch v.Kind() {
	case reflect.Invalid:
		miss(path)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			miss(path)
			return
		}
		walk(path, v.Elem(), miss)
	case reflect.Struct:
		for i := range v.NumField() {
			walk(path+"."+v.Type().Field(i).Name, v.Field(i), miss)
		}
	case reflect.Func:
		if v.IsNil() {
			miss(path)
		}
	case reflect.String:
		if v.Len() == 0 {
			miss(path)
		}
	case reflect.Map:
		if v.Len() == 0 {
			miss(path)
		}
		iter := v.MapRange()
		for iter.Next() {
			walk(path+"["+fmt.Sprint(iter.Key())+"]", iter.Value(), miss)
		}
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			miss(path)
			return
		}
		if v.Type().Elem().Kind() == reflect.String {
			for i := range v.Len() {
				if v.Index(i).Len() > 0 {
					return
				}
			}
			miss(path)
			return
		}
		for i := range v.Len() {
			walk(path+"["+strconv.Itoa(i)+"]", v.Index(i), miss)
		}
	}
}

// SameKeys returns the keys of the maps found at the same places in a and
// b (two languages' tables of one type) that one has and the other lacks,
// as "path[key]" in "a" or "b".
func SameKeys(a, b any) []string {
	var out []string
	sameKeys("", reflect.ValueOf(a), reflect.ValueOf(b), &out)
	return out
}

func sameKeys(path string, a, b reflect.Value, out *[]string) {
	switch a.Kind() {
	case reflect.Pointer:
		if !a.IsNil() && !b.IsNil() {
			sameKeys(path, a.Elem(), b.Elem(), out)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			sameKeys(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i), out)
		}
	case reflect.Map:
		for _, x := range [][2]reflect.Value{{a, b}, {b, a}} {
			iter := x[0].MapRange()
			for iter.Next() {
				if !x[1].MapIndex(iter.Key()).IsValid() {
					*out = append(*out, fmt.Sprintf("%s[%v]", path, iter.Key()))
				}
			}
		}
	}
}
