# ruff: noqa: E501
PAGES = {
    "never_ask": {
        "title": "Never ask about immigration status",
        "summary": "Serve everyone without asking for papers, and remove every question that reveals status.",
        "model_policy": """**[Organization] serves everyone, whatever their immigration status.**

1. Staff and volunteers never ask about a person's immigration status, citizenship, country of birth or travel documents, in person, by phone or in any form.
2. We do not require documents that reveal status (passport, permit, health card, social insurance number). When we need to know who someone is, we accept any document, or simply a name and a way to reach them.
3. If a funder or a partner asks us for eligibility data, we give the minimum needed and never information about status.
4. If someone tells us their status anyway, we do not write it down unless they ask us to, for their own benefit.
5. This policy covers every intake form, online form, database and referral we use. [Designated person] is responsible for it and reviews it every year.""",
        "staff_checklist": """- Read every intake form, online form and database field: remove questions about status, citizenship, country of birth, social insurance number or health card.
- Replace "ID required" by "any ID, or none" wherever you can.
- Agree on one sentence for reception, for example: *"We don't need to know your immigration status to help you."*
- Check the forms you use to refer people to partners: they must not ask either.
- Put the poster at the entrance and on your website, in the languages of the people you serve.
- Train new staff and volunteers in their first week; repeat once a year.
- Name the person responsible for this policy, and write their name here: ____________""",
        "guidance": """### When someone tells you their status

Thank them for their trust, and tell them you do not need that information. Do not write it in a file, a note or an e-mail.

### When a funder asks for data

Funders usually need numbers, not names. Offer counts (people served, age groups, neighbourhoods) and explain that the organization has committed never to collect immigration status. Most funders accept this; the campaign can write to them with you.

### When a document is truly required by law

Some programs require a document you cannot waive. Say so plainly, without asking about status, and refer the person to a service that does not need it — the directory on this site lists them.""",
    },
    "confidential": {
        "title": "Keep status information confidential",
        "summary": "What you learn about someone's status stays with you: never recorded without need, never shared with authorities.",
        "model_policy": """**Information about a person's immigration status is strictly confidential.**

1. We do not record a person's status unless they ask us to, for their own benefit (for example a legal clinic preparing their file).
2. We never share information about anyone's status, address or presence with any government agency, including the Canada Border Services Agency (CBSA) and the police, unless a court order obliges us. Any request is passed to [designated person], who seeks legal advice.
3. We never confirm to a caller or visitor whether a person uses our services.
4. Only the staff who need personal files can read them; they are kept no longer than needed, then destroyed.
5. When we are legally compelled to disclose, we disclose the minimum and tell the person concerned, unless a court forbids it.""",
        "staff_checklist": """- List where personal information is kept (paper files, spreadsheets, e-mail, phones) and who can open it.
- Remove any field about status from your databases; delete what is already stored if you do not need it.
- Lock paper files; protect computers and phones with a password; use encrypted messaging where possible.
- Set how long each kind of file is kept, and destroy it afterwards.
- Have every staff member and volunteer sign a confidentiality agreement.
- Write down who receives requests from authorities: name ____________, phone ____________.
- Practise the answer: *"I cannot confirm whether anyone uses our services."*""",
        "guidance": """### A request for information, by phone or e-mail

Do not confirm or deny that anyone is a client. Ask for the request in writing, with the name of the agent, the agency and the legal basis. Pass it to the designated person the same day.

### A request is not an obligation

A letter, a phone call or an officer's question does not oblige you to answer. Only a court order, production order or warrant can, and it must be read carefully: which documents, which person, which dates. Ask your lawyer or a legal clinic before you hand anything over.

### Keep less, risk less

What you have not recorded cannot be seized. Collect only what you need to help, and destroy files when the help is over.

*This guide is not legal advice. Have a lawyer review your procedure.*""",
    },
    "no_fees": {
        "title": "No fees based on immigration status",
        "summary": "A service that is free for one person is free for everyone; fees never depend on papers.",
        "model_policy": """**Our fees never depend on immigration status.**

1. A service that is free for some people is free for everyone in the same situation, whatever their status.
2. Where we charge, fees depend only on the service and, if we use a sliding scale, on income or household size, declared by the person.
3. We do not charge surcharges or deposits to people without a health card, a social insurance number or a permanent address.
4. We accept payment in ways that do not require a bank account or an ID (for example cash).
5. When a cost is outside our control (a lab, a hospital), we tell the person in advance and help them find a free alternative.""",
        "staff_checklist": """- Read your fee schedule: remove every fee, surcharge or deposit that depends on status, health insurance or citizenship.
- If you use a sliding scale, accept a simple declaration of income instead of tax documents.
- Offer at least one way to pay without a bank account.
- Tell partners you refer people to about this commitment; ask them about their own fees.
- Consider a small solidarity fund to cover costs you cannot waive.""",
        "guidance": """### "Uninsured" fees in health care

Clinics and hospitals may bill people who have no provincial health card. If you are a health provider, see whether these fees are in your control; if not, document them and tell the campaign, which works with other clinics and with community health centres that see uninsured patients for free.

### Proof of income without papers

A signed declaration is enough for most sliding scales. Never ask for tax returns or a social insurance number just to set a fee.""",
    },
    "no_border_agency": {
        "title": "No cooperation with the border agency",
        "summary": "Bar immigration enforcement from your premises, share nothing, and know what to do if officers come to the door.",
        "model_policy": """**We do not cooperate with immigration enforcement.**

1. Staff and volunteers never call the Canada Border Services Agency (CBSA) or the police about a person's status, and never help them locate anyone.
2. The non-public areas of our premises (offices, rooms, dormitories, kitchens) are private. Officers may enter them only with a warrant signed by a judge that authorizes it; we do not consent to any entry otherwise.
3. We do not let our premises, our lists or our events be used for immigration enforcement.
4. When officers come, the person on duty follows our door procedure and calls [designated person] and our legal support.
5. We support any person affected, and report the visit to the Solidarity City campaign.""",
        "staff_checklist": """- Mark the private areas of your premises with a sign: *"Private — staff only"*.
- Name a person responsible for each shift who will speak to officers: ____________
- Keep at reception: this procedure, a phone number for legal support ____________ and a rapid-response number ____________
- Train everyone once a year, with a role play at the door.
- Plan who will stay with the person concerned and who will take notes.
- After any visit: a debriefing, support for the people affected, a report to the campaign.""",
        "guidance": """### If the border agency comes to the door

1. **Stay calm and keep the door to private areas closed.** Speak with the officers at reception or through the door.
2. **Ask who they are** — names, badge numbers, agency — and why they came.
3. **Ask to see any warrant, and read it.** Who signed it (a judge, or an officer)? Which address, which person, which rooms? What does it allow? An arrest warrant for a person is not a search warrant for your premises.
4. **Say clearly: "I do not consent to you entering."** Do not lie, do not physically block them, do not hide or destroy documents: say you do not consent, and stay silent.
5. **You do not have to answer questions** or say whether someone is there.
6. **Call the designated person and your legal support** right away.
7. **Write everything down**: time, names, badge numbers, what was said and done. A witness may film from a safe distance if it is safe to do so.

### Afterwards

Take care of the person concerned and of the staff who were there. Contact the campaign: we can connect you with lawyers and with support networks.

*This guide is not legal advice. Have a lawyer review your door procedure.*""",
    },
    "equal_standards": {
        "title": "Equal labour and human-rights standards for all",
        "summary": "Everyone who works or volunteers with you gets the same wages, safety and respect, whatever their status.",
        "model_policy": """**Everyone who works with us has the same rights.**

1. Every worker — employed, contracted or volunteering — receives the same labour standards: at least the legal minimum wage, equal pay for equal work, breaks, safety equipment and training.
2. No one is threatened, disciplined or underpaid because of their immigration status, and no one is reported to authorities because of a complaint.
3. Everyone has access to our complaints procedure and to our human-rights and anti-harassment policies, in a language they understand.
4. We ask our contractors and suppliers to apply the same standards.""",
        "staff_checklist": """- Check that every worker and contractor is paid at least the legal minimum wage, with the same rates for the same work.
- Give the same safety training and protective equipment to everyone.
- Translate your complaints procedure into the languages of your workers and volunteers.
- Write in your policies that no one will be reported to authorities because of a complaint.
- Add this commitment to your contracts with subcontractors and suppliers.
- Know the workers' centres near you and share their contacts.""",
        "guidance": """### Rights do not depend on status

In most provinces, employment standards and workplace health and safety laws protect every worker, whatever their status. Workers' centres and legal clinics can help someone recover unpaid wages or report an unsafe workplace.

### Threats about status are abuse

An employer who threatens to call the border agency to silence a worker is abusing them. If you see it happen in your organization or among your suppliers, act: stop it, support the worker, and contact the campaign.""",
    },
}
