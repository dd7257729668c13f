// Package prep prepares a congress before it sits (RULES §8): the seats of
// each electoral unit, the composition of the formal delegates against the
// seed's targets, and the surplus of candidates over seats (差额).
//
// Like package session it is pure: no files, no clock. Every threshold is
// judged in integers (RULES §0), through package session/rule where a
// fraction of a base is tested; percentages with a decimal are for display
// only.
package prep
