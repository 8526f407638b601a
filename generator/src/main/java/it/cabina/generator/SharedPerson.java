package it.cabina.generator;

/** A person followed by two Ambiti: the same tax code with a case in each. */
record SharedPerson(Person person, Area area) {}
