package fr.cnfs.applications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The person the programme talks to at a structure. The only part of a structure that can change. */
@Embeddable
public class Contact {

    @Column(name = "contact_first_name")
    public String firstName;
    @Column(name = "contact_last_name")
    public String lastName;
    @Column(name = "contact_role")
    public String role;
    @Column(name = "contact_email")
    public String email;
    @Column(name = "contact_phone")
    public String phone;

    public Contact() {
    }

    public Contact(String firstName, String lastName, String role, String email, String phone) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.role = role;
        this.email = email;
        this.phone = phone;
    }
}
