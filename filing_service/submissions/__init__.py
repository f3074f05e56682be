"""XML submissions: the hardened parser every capability uses, the XSD schemas, and the
import of cases pushed as XML by the directorates' case systems."""
