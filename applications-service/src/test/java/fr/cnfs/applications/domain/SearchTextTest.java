package fr.cnfs.applications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void caseAccentsAndSpacesDoNotMatter() {
        assertEquals("communaute de communes de l'ile-d'yeu", SearchText.normalize("  Communauté de   communes de L'Île-d'Yeu "));
        assertEquals("%eglise%", SearchText.containsPattern("Église"));
    }

    @Test
    void likeWildcardsOfTheInputAreTakenLiterally() {
        assertEquals("%100!% numerique!_!!%", SearchText.containsPattern("100% Numérique_!"));
    }
}
