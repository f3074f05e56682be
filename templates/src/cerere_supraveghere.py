"""Cerere de instituire a măsurii supravegherii specializate.

Law 272/2004 art. 71: specialised supervision for a child who committed an act provided
by criminal law and is not criminally liable; the commission orders it with the parents'
(or legal representative's) agreement, the court without it (alin. (2)). Art. 84 alin. (2)
lists what the court weighs; art. 85 what the measure consists of; art. 84 alin. (3)-(5)
the counselling of parents and child; art. 87 forbids publishing anything about the act.
"""

import common


def build(t):
    common.court_header(t)
    common.petitioner(t)
    t.title("CERERE", "de instituire a măsurii supravegherii specializate")
    common.parties(t)
    common.child_line(t)
    t.p(
        "prin care vă solicităm ca, prin hotărârea pe care o veți pronunța, să dispuneți:",
        indent=False,
    )
    t.item(
        "**instituirea măsurii supravegherii specializate** față de {{ child.minor }} "
        "{{ child.full_name }}, prin menținerea copilului în familia sa, sub condiția "
        "respectării obligațiilor prevăzute de art. 85 alin. (1) din Legea nr. 272/2004: "
        "frecventarea cursurilor școlare, utilizarea unor servicii de îngrijire de zi, "
        "urmarea unor tratamente medicale, consiliere sau psihoterapie, interzicerea de a "
        "frecventa anumite locuri sau de a avea legături cu anumite persoane, după cum "
        "veți aprecia;"
    )
    t.item(
        "obligarea părinților să participe la programele speciale de consiliere "
        "psihologică organizate de direcție, potrivit art. 84 alin. (3) din Legea "
        "nr. 272/2004, și participarea copilului la aceste programe, potrivit art. 84 "
        "alin. (4) și (5)."
    )
    t.heading("MOTIVELE CERERII")
    common.in_fact(t)
    t.p(
        "Copilul a săvârșit o faptă prevăzută de legea penală și nu răspunde penal, aflându-"
        "se în situația prevăzută de art. 60 lit. e) din Legea nr. 272/2004. Potrivit "
        "art. 71 alin. (2), în lipsa acordului părinților sau al reprezentantului legal, "
        "măsura supravegherii specializate se dispune de instanța judecătorească."
    )
    t.tag("{%p for parent in parents %}")
    t.tag("{%p if parent.agrees is not sameas true %}")
    t.p(
        "{{ parent.relation|capitalize }} copilului, {{ parent.full_name }}, "
        "{% if parent.agrees is sameas false %}nu este de acord cu măsura{% else %}nu și-a "
        "exprimat acordul față de măsură{% endif %}."
    )
    t.tag("{%p endif %}")
    t.tag("{%p endfor %}")
    t.p(
        "La stabilirea măsurii, vă rugăm să aveți în vedere, potrivit art. 84 alin. (2) din "
        "Legea nr. 272/2004: condițiile care au favorizat săvârșirea faptei, gradul de "
        "pericol social al faptei, mediul în care a crescut și a trăit copilul, riscul "
        "săvârșirii din nou a unei fapte prevăzute de legea penală și orice alte elemente de "
        "natură a caracteriza situația copilului, astfel cum rezultă din raportul întocmit "
        "potrivit art. 139."
    )
    common.consent(t)
    t.p(
        "Potrivit art. 87 din Legea nr. 272/2004, este interzisă darea publicității oricăror "
        "date referitoare la săvârșirea faptei de către copil, inclusiv a datelor privitoare "
        "la persoana acestuia."
    )
    common.grounds(t)
    common.evidence_intro(t)
    t.bullet("actele organelor de cercetare penală privind fapta și lipsa răspunderii penale;")
    t.bullet("raportul referitor la copil, întocmit potrivit art. 139 din Legea nr. 272/2004;")
    t.bullet("planul individualizat de protecție;")
    t.bullet("certificatul de naștere al copilului și actele de identitate ale părinților.")
    common.hearing_request(t)
    common.stamp_duty(t)
    common.signatures(t)
    common.parents_notice(t)
