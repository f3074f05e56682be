"""Cerere de instituire a măsurii plasamentului.

Law 272/2004 art. 65 alin. (2): the court sets placement at the DGASPC's request for a
child of art. 60 lit. a) and f) (lit. a), and for a child of art. 60 lit. b) and e) when
the parents, or one of them, do not agree (lit. b). Art. 66 says who exercises parental
rights; art. 67 the parents' contribution.
"""

import common


def build(t):
    common.court_header(t)
    common.petitioner(t)
    t.title("CERERE", "de instituire a măsurii plasamentului")
    common.parties(t)
    common.child_line(t)
    t.p(
        "prin care vă solicităm ca, prin hotărârea pe care o veți pronunța, să dispuneți:",
        indent=False,
    )
    t.item(
        "**instituirea măsurii plasamentului** {{ child.of_minor }} "
        "{{ child.full_name }}{% if target %} la {{ target.kind_label }} "
        "{{ target.name }}{% endif %}, potrivit art. 65 alin. (2) lit. "
        "{{ art65_letter }}) din Legea nr. 272/2004;"
    )
    t.tag("{%p if parental_rights.by_director %}")
    t.item(
        "exercitarea drepturilor și îndeplinirea obligațiilor părintești de către "
        "directorul {{ directorate.short }} pe durata plasamentului, potrivit art. 66 "
        "alin. (3) din Legea nr. 272/2004;"
    )
    t.tag("{%p else %}")
    t.item(
        "menținerea drepturilor și obligațiilor părintești pe durata plasamentului, "
        "potrivit art. 66 alin. (2) din Legea nr. 272/2004, dacă interesul superior al "
        "copilului nu impune altfel;"
    )
    t.tag("{%p endif %}")
    common.parents_contribution(t)
    t.heading("MOTIVELE CERERII")
    common.in_fact(t)
    t.p(
        "Copilul se află în situația prevăzută de {{ case.situation_ref }} și are nevoie de o măsură de "
        "protecție specială, stabilită în baza planului individualizat de protecție "
        "(art. 57 alin. (1))."
    )
    t.tag("{%p if art65_letter == 'b' %}")
    t.p(
        "Măsura plasamentului nu poate fi stabilită de comisia pentru protecția copilului "
        "(art. 65 alin. (1)), întrucât lipsește acordul părinților sau al unuia dintre ei:"
    )
    t.tag("{%p for parent in parents %}")
    t.tag("{%p if parent.agrees is not sameas true %}")
    t.bullet(
        "{{ parent.relation }} copilului, {{ parent.full_name }}, "
        "{% if parent.agrees is sameas false %}se opune măsurii{% else %}nu și-a "
        "exprimat acordul{% endif %};"
    )
    t.tag("{%p endif %}")
    t.tag("{%p endfor %}")
    t.p(
        "de aceea, potrivit art. 65 alin. (2) lit. b) din Legea nr. 272/2004, măsura se "
        "stabilește de instanța judecătorească, la cererea direcției."
    )
    t.tag("{%p else %}")
    t.p(
        "Potrivit art. 65 alin. (2) lit. a) din Legea nr. 272/2004, pentru copilul aflat "
        "în această situație măsura plasamentului se stabilește de instanța judecătorească, "
        "la cererea direcției."
    )
    t.tag("{%p endif %}")
    common.placement(t)
    common.consent(t)
    common.grounds(t)
    common.evidence_intro(t)
    t.bullet("raportul referitor la copil, întocmit potrivit art. 139 din Legea nr. 272/2004;")
    t.bullet("planul individualizat de protecție (art. 57 alin. (1) și art. 58 alin. (1));")
    t.bullet(
        "raportul de evaluare a persoanei sau familiei care primește copilul "
        "(art. 62 alin. (2));"
    )
    t.bullet("certificatul de naștere al copilului și actele de identitate ale părinților.")
    common.hearing_request(t)
    common.stamp_duty(t)
    common.signatures(t)
    common.parents_notice(t)
