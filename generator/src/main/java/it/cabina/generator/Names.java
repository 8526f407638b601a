package it.cabina.generator;

import java.util.List;

/** Given names and surnames used to build plausible tax codes (they are never written themselves). */
final class Names {
    private Names() {}

    static final List<String> SURNAMES = List.of(
            "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
            "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
            "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
            "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo",
            "Marchetti", "Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso",
            "Valentini", "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina",
            "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Carbone",
            "Giuliani", "Benedetti", "Barone", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Fiore",
            "De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Battaglia", "Sartori", "Neri",
            "Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando", "Negri", "Brambilla", "Crippa",
            "Pozzi", "Bonetti", "Zanetti", "Mauri", "Colombini", "Castelli", "Fumagalli", "Ronchi", "Vismara",
            "Tagliabue", "Pirovano", "Meroni", "Galbiati", "Bossi", "Ceriani", "Ferrario", "Bertolini", "Perego");

    static final List<String> MALE = List.of(
            "Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Angelo", "Vincenzo", "Pietro",
            "Salvatore", "Carlo", "Franco", "Domenico", "Bruno", "Paolo", "Michele", "Giorgio", "Aldo", "Sergio",
            "Luciano", "Roberto", "Marco", "Andrea", "Stefano", "Alessandro", "Luca", "Davide", "Matteo", "Lorenzo",
            "Simone", "Federico", "Riccardo", "Tommaso", "Nicolò", "Gabriele", "Edoardo", "Leonardo", "Diego");

    static final List<String> FEMALE = List.of(
            "Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia", "Carmela", "Caterina",
            "Francesca", "Antonietta", "Elena", "Luisa", "Franca", "Rita", "Paola", "Laura", "Giulia", "Chiara",
            "Sara", "Martina", "Valentina", "Federica", "Silvia", "Alessia", "Sofia", "Aurora", "Ginevra", "Beatrice",
            "Alice", "Emma", "Greta", "Noemi", "Irene", "Marta", "Elisa", "Lucrezia");

    static final List<String> FOREIGN_SURNAMES = List.of(
            "Popescu", "Ionescu", "Hoxha", "Shehu", "El Amrani", "Benali", "Mohamed", "Hassan", "Chen", "Wang",
            "Singh", "Kaur", "Garcia", "Rodriguez", "Kowalski", "Shevchenko", "Diop", "Ndiaye", "Mendoza", "Quispe");

    static final List<String> FOREIGN_MALE = List.of(
            "Andrei", "Ion", "Arben", "Youssef", "Ahmed", "Wei", "Raj", "Carlos", "Piotr", "Oleksandr", "Mamadou",
            "Jorge", "Karim", "Omar");

    static final List<String> FOREIGN_FEMALE = List.of(
            "Elena", "Ioana", "Fatima", "Amina", "Li", "Priya", "Rosa", "Anna", "Olena", "Aissatou", "Mariana",
            "Khadija", "Nadia", "Irina");
}
