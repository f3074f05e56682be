"""Cerere de ordonanță președințială de plasare a copilului în regim de urgență.

Law 272/2004 art. 100 alin. (3): when those who care for the child refuse or block the
DGASPC's checks and there are well-founded reasons to believe the child is in imminent
danger (abuse, neglect, parental alienation), the DGASPC asks the court for a
presidential ordinance placing the child in emergency; art. 62-64 and art. 68 alin. (5)
apply. Art. 134 alin. (5): the ordinance is given the same day, on the request and the
papers filed, without the parties' conclusions.
"""

import common


def build(t):
    common.court_header(t)
    common.petitioner(t)
    t.title("CERERE DE ORDONANȚĂ PREȘEDINȚIALĂ", "de plasare a copilului în regim de urgență")
    common.parties(t)
    common.child_line(t)
    t.p(
        "prin care vă solicităm ca, pe baza cererii și a actelor depuse, fără concluziile "
        "părților, **în aceeași zi** (art. 134 alin. (5) din Legea nr. 272/2004), să "
        "dispuneți prin ordonanță președințială:",
        indent=False,
    )
    t.item(
        "**plasarea {{ child.of_minor }} {{ child.full_name }} în regim de urgență**"
        "{% if target %} la {{ target.kind_label }} {{ target.name }}{% endif %}, "
        "potrivit art. 100 alin. (3) din Legea nr. 272/2004;"
    )
    t.item(
        "constatarea suspendării de drept a exercițiului drepturilor părintești pe "
        "durata plasamentului în regim de urgență, potrivit art. 68 alin. (5) din Legea "
        "nr. 272/2004, drepturile și obligațiile privitoare la persoana copilului urmând "
        "a fi exercitate de cel care primește copilul, iar cele privitoare la bunurile "
        "copilului de către directorul {{ directorate.short }};"
    )
    t.item("executarea ordonanței de îndată, cu sprijinul organelor de poliție.")
    t.heading("MOTIVELE CERERII")
    common.in_fact(t)
    t.p(
        "Reprezentanții direcției au încercat verificarea situației copilului, însă "
        "persoanele care îl au în îngrijire au refuzat sau au împiedicat efectuarea "
        "verificărilor{% if ordinance.requested_on.ro %} (constatare din "
        "{{ ordinance.requested_on.ro }}){% endif %}. Din informațiile obținute rezultă "
        "motive temeinice care susțin existența unei situații de **pericol iminent** pentru "
        "copil, cauzată de abuz, neglijare sau înstrăinare părintească, situație "
        "prevăzută de {{ case.situation_ref }}."
    )
    t.p(
        "În aceste condiții, directorul direcției nu poate institui plasamentul în regim de "
        "urgență potrivit art. 100 alin. (2), care presupune lipsa opoziției, astfel că "
        "sesizăm instanța potrivit art. 100 alin. (3) din Legea nr. 272/2004."
    )
    common.placement(t, "Propunem ca plasamentul în regim de urgență să fie dispus la")
    t.p(
        "După executarea ordonanței, în termen de 5 zile, direcția va sesiza instanța "
        "potrivit art. 100 alin. (4) din Legea nr. 272/2004, pentru înlocuirea "
        "plasamentului în regim de urgență cu măsura plasamentului și pentru a decide cu "
        "privire la drepturile părintești."
    )
    common.grounds(t)
    common.evidence_intro(t)
    t.bullet(
        "sesizarea privind situația copilului și actele de verificare întocmite de "
        "reprezentanții direcției;"
    )
    t.bullet("procesul-verbal care constată refuzul sau împiedicarea verificărilor;")
    t.bullet("raportul referitor la copil, întocmit potrivit art. 139 din Legea nr. 272/2004;")
    t.bullet(
        "declarația scrisă a copilului, dacă a fost obținută, potrivit art. 101 alin. (1);"
    )
    t.bullet("certificatul de naștere al copilului, dacă este disponibil.")
    common.stamp_duty(t)
    common.signatures(t)
    common.parents_notice(t)
