"""The taxonomy shipped with the product: service categories and service attributes, with names
and search synonyms in English, French, Spanish and Arabic.

Loaded by a data migration (`load_taxonomy`, idempotent, also usable with historical models).
Attributes describe the *service* ("no ID required"), never the person who uses it.
"""

from typing import Any

CATEGORIES = "categories"
ATTRIBUTES = "service-attributes"

TAXONOMIES: dict[str, dict[str, dict[str, str]]] = {
    CATEGORIES: {
        "name": {
            "en": "Service categories",
            "fr": "Catégories de services",
            "es": "Categorías de servicios",
            "ar": "فئات الخدمات",
        },
        "description": {
            "en": "What a service does.",
            "fr": "Ce que fait un service.",
            "es": "Lo que hace un servicio.",
            "ar": "ما تقدّمه الخدمة.",
        },
    },
    ATTRIBUTES: {
        "name": {
            "en": "Service attributes",
            "fr": "Caractéristiques des services",
            "es": "Características de los servicios",
            "ar": "خصائص الخدمات",
        },
        "description": {
            "en": "How a service can be used, without saying anything about the person.",
            "fr": "Comment utiliser un service, sans rien dire de la personne.",
            "es": "Cómo se puede usar un servicio, sin decir nada sobre la persona.",
            "ar": "كيف يمكن الاستفادة من الخدمة، دون أي معلومات عن الشخص.",
        },
    },
}

# (code, parent code, {lang: name}, {lang: synonyms})
Term = tuple[str, str | None, dict[str, str], dict[str, str]]

CATEGORY_TERMS: list[Term] = [
    (
        "health",
        None,
        {"en": "Health", "fr": "Santé", "es": "Salud", "ar": "الصحة"},
        {
            "en": "health care, clinic, doctor, nurse, medical, hospital",
            "fr": "soins, clinique, médecin, docteur, infirmière, hôpital, santé",
            "es": "atención médica, clínica, médico, doctor, enfermera, hospital",
            "ar": "رعاية صحية، عيادة، طبيب، ممرضة، مستشفى، علاج",
        },
    ),
    (
        "primary-care",
        "health",
        {
            "en": "Primary care",
            "fr": "Soins de première ligne",
            "es": "Atención primaria",
            "ar": "الرعاية الصحية الأولية",
        },
        {
            "en": "family doctor, general practitioner, GP, check-up, walk-in clinic",
            "fr": "médecin de famille, omnipraticien, généraliste, bilan de santé, CLSC",
            "es": "médico de familia, médico general, chequeo, consulta",
            "ar": "طبيب عام، طبيب العائلة، فحص طبي، كشف",
        },
    ),
    (
        "mental-health",
        "health",
        {"en": "Mental health", "fr": "Santé mentale", "es": "Salud mental", "ar": "الصحة النفسية"},
        {
            "en": "counselling, therapy, therapist, psychologist, trauma, stress, depression",
            "fr": "écoute, thérapie, psychologue, psychothérapie, traumatisme, stress, dépression",
            "es": "consejería, terapia, psicólogo, psicóloga, trauma, estrés, depresión",
            "ar": "دعم نفسي، علاج نفسي، طبيب نفسي، أخصائي نفسي، صدمة، اكتئاب، توتر",
        },
    ),
    (
        "dental",
        "health",
        {"en": "Dental care", "fr": "Soins dentaires", "es": "Atención dental", "ar": "طب الأسنان"},
        {
            "en": "dentist, dental, teeth, tooth, toothache",
            "fr": "dentiste, dentaire, dents, dent, mal de dents",
            "es": "dentista, dental, dientes, diente, muelas, dolor de muelas",
            "ar": "طبيب أسنان، أسنان، عيادة أسنان، ألم الأسنان",
        },
    ),
    (
        "sexual-reproductive-health",
        "health",
        {
            "en": "Sexual and reproductive health",
            "fr": "Santé sexuelle et reproductive",
            "es": "Salud sexual y reproductiva",
            "ar": "الصحة الجنسية والإنجابية",
        },
        {
            "en": "contraception, birth control, abortion, STI testing, HIV, gynecologist",
            "fr": "contraception, avortement, dépistage ITSS, VIH, gynécologue",
            "es": "anticonceptivos, aborto, pruebas de ITS, VIH, ginecólogo, ginecóloga",
            "ar": "منع الحمل، الإجهاض، فحص الأمراض المنقولة جنسيا، فيروس نقص المناعة، طبيب نسائي",
        },
    ),
    (
        "prenatal",
        "health",
        {
            "en": "Pregnancy and prenatal care",
            "fr": "Grossesse et soins prénataux",
            "es": "Embarazo y atención prenatal",
            "ar": "الحمل والرعاية قبل الولادة",
        },
        {
            "en": "pregnant, pregnancy, prenatal, midwife, birth, newborn",
            "fr": "enceinte, grossesse, prénatal, sage-femme, accouchement, nouveau-né",
            "es": "embarazada, embarazo, prenatal, partera, parto, recién nacido",
            "ar": "حامل، حمل، قابلة، ولادة، مولود جديد",
        },
    ),
    (
        "education",
        None,
        {"en": "Education", "fr": "Éducation", "es": "Educación", "ar": "التعليم"},
        {
            "en": "learning, study, school, classes, courses",
            "fr": "apprentissage, études, école, cours, formation",
            "es": "aprendizaje, estudiar, escuela, clases, cursos",
            "ar": "تعلم، دراسة، مدرسة، دروس، دورات",
        },
    ),
    (
        "schools",
        "education",
        {"en": "Schools", "fr": "Écoles", "es": "Escuelas", "ar": "المدارس"},
        {
            "en": "school enrolment, registration, elementary, secondary, high school",
            "fr": "inscription scolaire, primaire, secondaire, école publique",
            "es": "inscripción escolar, primaria, secundaria, colegio, liceo",
            "ar": "تسجيل مدرسي، مدرسة ابتدائية، مدرسة ثانوية",
        },
    ),
    (
        "adult-education",
        "education",
        {
            "en": "Adult education",
            "fr": "Éducation des adultes",
            "es": "Educación para adultos",
            "ar": "تعليم الكبار",
        },
        {
            "en": "literacy, high school diploma, adult learning, training",
            "fr": "alphabétisation, diplôme d'études secondaires, formation des adultes",
            "es": "alfabetización, bachillerato, formación para adultos, capacitación",
            "ar": "محو الأمية، شهادة ثانوية، تدريب، تعليم مستمر",
        },
    ),
    (
        "language-classes",
        "education",
        {
            "en": "Language classes",
            "fr": "Cours de langue",
            "es": "Clases de idiomas",
            "ar": "دروس اللغة",
        },
        {
            "en": "English classes, French classes, ESL, FSL, conversation",
            "fr": "francisation, cours de français, cours d'anglais, conversation",
            "es": "clases de inglés, clases de francés, conversación",
            "ar": "دروس الإنجليزية، دروس الفرنسية، تعلم اللغة، محادثة",
        },
    ),
    (
        "childcare",
        "education",
        {
            "en": "Childcare",
            "fr": "Garde d'enfants",
            "es": "Cuidado infantil",
            "ar": "رعاية الأطفال",
        },
        {
            "en": "daycare, day care, babysitting, preschool, nursery",
            "fr": "garderie, CPE, halte-garderie, prématernelle",
            "es": "guardería, cuidado de niños, preescolar, jardín infantil",
            "ar": "حضانة، روضة، جليسة أطفال",
        },
    ),
    (
        "housing",
        None,
        {
            "en": "Housing and tenants' rights",
            "fr": "Logement et droits des locataires",
            "es": "Vivienda y derechos de inquilinos",
            "ar": "السكن وحقوق المستأجرين",
        },
        {
            "en": "housing, apartment, rent, tenant, landlord, eviction",
            "fr": "logement, appartement, loyer, locataire, propriétaire, expulsion, bail",
            "es": "vivienda, apartamento, alquiler, renta, inquilino, casero, desalojo",
            "ar": "سكن، شقة، إيجار، مستأجر، مالك، طرد، إخلاء",
        },
    ),
    (
        "food",
        None,
        {"en": "Food", "fr": "Alimentation", "es": "Alimentos", "ar": "الطعام"},
        {
            "en": "food, groceries, meals, eat, hunger",
            "fr": "nourriture, épicerie, repas, manger, faim",
            "es": "comida, alimentos, víveres, despensa, comer, hambre",
            "ar": "طعام، أكل، غذاء، وجبات، مواد غذائية، جوع",
        },
    ),
    (
        "food-banks",
        "food",
        {
            "en": "Food banks",
            "fr": "Banques alimentaires",
            "es": "Bancos de alimentos",
            "ar": "بنوك الطعام",
        },
        {
            "en": "food bank, food pantry, grocery hamper, community fridge",
            "fr": "banque alimentaire, dépannage alimentaire, panier, frigo solidaire",
            "es": "banco de alimentos, despensa, canasta básica, refrigerador comunitario",
            "ar": "بنك الطعام، سلة غذائية، ثلاجة مجتمعية، توزيع طعام",
        },
    ),
    (
        "community-meals",
        "food",
        {
            "en": "Community meals",
            "fr": "Repas communautaires",
            "es": "Comidas comunitarias",
            "ar": "وجبات مجتمعية",
        },
        {
            "en": "free meal, soup kitchen, hot meal, lunch, dinner",
            "fr": "repas gratuit, soupe populaire, repas chaud, dîner, souper",
            "es": "comida gratis, comedor comunitario, comida caliente, almuerzo, cena",
            "ar": "وجبة مجانية، مطبخ خيري، وجبة ساخنة، غداء، عشاء",
        },
    ),
    (
        "shelter",
        None,
        {"en": "Shelter", "fr": "Hébergement", "es": "Albergue", "ar": "المأوى"},
        {
            "en": "shelter, place to sleep, bed, homeless, refuge",
            "fr": "refuge, hébergement, dormir, lit, itinérance, sans-abri",
            "es": "refugio, albergue, dónde dormir, cama, sin hogar, sin techo",
            "ar": "ملجأ، مأوى، مكان للنوم، سرير، بلا مأوى، مشرد",
        },
    ),
    (
        "emergency-shelter",
        "shelter",
        {
            "en": "Emergency shelter",
            "fr": "Hébergement d'urgence",
            "es": "Albergue de emergencia",
            "ar": "مأوى طارئ",
        },
        {
            "en": "emergency shelter, tonight, overnight, drop-in",
            "fr": "urgence, ce soir, pour la nuit, halte-chaleur",
            "es": "emergencia, esta noche, para pasar la noche, centro de día",
            "ar": "طوارئ، الليلة، مبيت، ملجأ طارئ",
        },
    ),
    (
        "women-shelter",
        "shelter",
        {
            "en": "Women's shelter",
            "fr": "Hébergement pour femmes",
            "es": "Albergue para mujeres",
            "ar": "مأوى للنساء",
        },
        {
            "en": "women's shelter, violence, abuse, domestic violence, safe house",
            "fr": "maison d'hébergement, violence conjugale, femmes victimes de violence",
            "es": "casa de acogida, violencia doméstica, violencia de género, mujeres",
            "ar": "دار إيواء النساء، عنف أسري، عنف منزلي، نساء معنفات",
        },
    ),
    (
        "youth-shelter",
        "shelter",
        {
            "en": "Youth shelter",
            "fr": "Hébergement pour les jeunes",
            "es": "Albergue juvenil",
            "ar": "مأوى للشباب",
        },
        {
            "en": "youth shelter, teens, young people, runaway",
            "fr": "auberge du cœur, jeunes, adolescents, fugue",
            "es": "albergue juvenil, jóvenes, adolescentes",
            "ar": "مأوى الشباب، مراهقين، شباب",
        },
    ),
    (
        "legal",
        None,
        {
            "en": "Legal help",
            "fr": "Aide juridique",
            "es": "Ayuda legal",
            "ar": "المساعدة القانونية",
        },
        {
            "en": "lawyer, legal aid, legal clinic, rights, court, attorney",
            "fr": "avocat, avocate, aide juridique, clinique juridique, droits, tribunal",
            "es": "abogado, abogada, asesoría legal, clínica legal, derechos, tribunal",
            "ar": "محامي، محامية، مساعدة قانونية، عيادة قانونية، حقوق، محكمة",
        },
    ),
    (
        "immigration-legal-aid",
        "legal",
        {
            "en": "Immigration legal aid",
            "fr": "Aide juridique en immigration",
            "es": "Asesoría legal migratoria",
            "ar": "مساعدة قانونية في الهجرة",
        },
        {
            "en": "immigration lawyer, refugee claim, asylum, deportation, detention, status",
            "fr": "avocat en immigration, demande d'asile, réfugié, renvoi, détention, statut",
            "es": "abogado de inmigración, asilo, refugio, deportación, detención, estatus",
            "ar": "محامي هجرة، لجوء، طلب لجوء، لاجئ، ترحيل، احتجاز، إقامة",
        },
    ),
    (
        "labour-rights",
        "legal",
        {
            "en": "Labour rights",
            "fr": "Droits du travail",
            "es": "Derechos laborales",
            "ar": "حقوق العمال",
        },
        {
            "en": "unpaid wages, wage theft, workplace injury, employer, job rights",
            "fr": "salaire impayé, normes du travail, accident de travail, employeur",
            "es": "salario no pagado, robo de salario, accidente laboral, patrón, empleador",
            "ar": "أجور غير مدفوعة، إصابة عمل، صاحب العمل، حقوق العمل",
        },
    ),
    (
        "human-rights",
        "legal",
        {
            "en": "Human rights",
            "fr": "Droits de la personne",
            "es": "Derechos humanos",
            "ar": "حقوق الإنسان",
        },
        {
            "en": "discrimination, racism, harassment, police, complaint",
            "fr": "discrimination, racisme, harcèlement, police, plainte, droits humains",
            "es": "discriminación, racismo, acoso, policía, denuncia",
            "ar": "تمييز، عنصرية، تحرش، شرطة، شكوى",
        },
    ),
    (
        "income-work",
        None,
        {
            "en": "Income and work",
            "fr": "Revenu et travail",
            "es": "Ingresos y trabajo",
            "ar": "الدخل والعمل",
        },
        {
            "en": "money, income, job, work, employment",
            "fr": "argent, revenu, emploi, travail, boulot",
            "es": "dinero, ingresos, empleo, trabajo, chamba",
            "ar": "مال، دخل، وظيفة، عمل، توظيف",
        },
    ),
    (
        "benefits-help",
        "income-work",
        {
            "en": "Help with benefits",
            "fr": "Aide pour les prestations",
            "es": "Ayuda con prestaciones",
            "ar": "المساعدة في الإعانات",
        },
        {
            "en": "benefits, tax return, forms, welfare, child benefit",
            "fr": "prestations, déclaration d'impôts, formulaires, aide sociale, allocations",
            "es": "prestaciones, beneficios, declaración de impuestos, formularios, ayudas",
            "ar": "إعانات، إقرار ضريبي، استمارات، مساعدة اجتماعية، إعانة الأطفال",
        },
    ),
    (
        "workers-centres",
        "income-work",
        {
            "en": "Workers' centres",
            "fr": "Centres de travailleuses et travailleurs",
            "es": "Centros de trabajadores",
            "ar": "مراكز العمال",
        },
        {
            "en": "workers centre, migrant workers, organizing, union, temp agency",
            "fr": "centre des travailleurs immigrants, agences de placement, syndicat",
            "es": "centro de trabajadores, trabajadores migrantes, agencia de empleo, sindicato",
            "ar": "مركز العمال، عمال مهاجرون، نقابة، وكالة توظيف",
        },
    ),
    (
        "family-children",
        None,
        {
            "en": "Family and children",
            "fr": "Famille et enfants",
            "es": "Familia e infancia",
            "ar": "الأسرة والأطفال",
        },
        {
            "en": "family, children, kids, parents, baby",
            "fr": "famille, enfants, parents, bébé, parentalité",
            "es": "familia, niños, niñas, hijos, padres, bebé",
            "ar": "أسرة، عائلة، أطفال، أولاد، والدين، رضيع",
        },
    ),
    (
        "interpretation",
        None,
        {
            "en": "Interpretation",
            "fr": "Interprétariat",
            "es": "Interpretación",
            "ar": "الترجمة الفورية",
        },
        {
            "en": "interpreter, translation, translator, accompaniment",
            "fr": "interprète, traduction, traducteur, accompagnement",
            "es": "intérprete, traducción, traductor, acompañamiento",
            "ar": "مترجم، ترجمة، مترجم فوري، مرافقة",
        },
    ),
]

ATTRIBUTE_TERMS: list[Term] = [
    (
        "free",
        None,
        {"en": "Free", "fr": "Gratuit", "es": "Gratis", "ar": "مجاني"},
        {
            "en": "no cost, free of charge",
            "fr": "sans frais",
            "es": "gratuito, sin costo",
            "ar": "بدون مقابل، بلا رسوم",
        },
    ),
    (
        "no-id-required",
        None,
        {
            "en": "No ID required",
            "fr": "Aucune pièce d'identité demandée",
            "es": "No se pide identificación",
            "ar": "لا يُطلب إثبات هوية",
        },
        {
            "en": "no ID, no identification, no documents",
            "fr": "sans papiers, sans pièce",
            "es": "sin identificación, sin documentos, sin papeles",
            "ar": "بدون هوية، بدون وثائق",
        },
    ),
    (
        "no-health-card-needed",
        None,
        {
            "en": "No health card needed",
            "fr": "Carte d'assurance maladie non exigée",
            "es": "No se necesita tarjeta sanitaria",
            "ar": "لا حاجة لبطاقة التأمين الصحي",
        },
        {
            "en": "uninsured, no OHIP, no MSP, no RAMQ",
            "fr": "sans RAMQ, sans assurance maladie",
            "es": "sin seguro médico, sin tarjeta de salud",
            "ar": "بدون تأمين صحي، بدون بطاقة صحية",
        },
    ),
    (
        "walk-in",
        None,
        {"en": "Walk-in", "fr": "Sans rendez-vous", "es": "Sin cita", "ar": "بدون موعد"},
        {
            "en": "drop-in, no appointment",
            "fr": "sans rendez-vous, accueil libre",
            "es": "sin cita previa, entrada libre",
            "ar": "دون موعد مسبق",
        },
    ),
    (
        "by-appointment",
        None,
        {"en": "By appointment", "fr": "Sur rendez-vous", "es": "Con cita", "ar": "بموعد مسبق"},
        {
            "en": "appointment, booking",
            "fr": "rendez-vous, réservation",
            "es": "cita, reservar",
            "ar": "موعد، حجز",
        },
    ),
    (
        "anonymous",
        None,
        {
            "en": "Anonymous service possible",
            "fr": "Service anonyme possible",
            "es": "Servicio anónimo posible",
            "ar": "يمكن تقديم الخدمة دون ذكر الاسم",
        },
        {
            "en": "anonymous, no name, confidential",
            "fr": "anonyme, confidentiel",
            "es": "anónimo, confidencial, sin nombre",
            "ar": "مجهول الهوية، سري، بدون اسم",
        },
    ),
    (
        "interpretation-available",
        None,
        {
            "en": "Interpretation available",
            "fr": "Interprète disponible",
            "es": "Interpretación disponible",
            "ar": "تتوفر ترجمة فورية",
        },
        {"en": "interpreter", "fr": "interprète", "es": "intérprete", "ar": "مترجم"},
    ),
    (
        "wheelchair-accessible",
        None,
        {
            "en": "Wheelchair accessible",
            "fr": "Accessible en fauteuil roulant",
            "es": "Accesible en silla de ruedas",
            "ar": "مهيأ للكراسي المتحركة",
        },
        {
            "en": "accessible, step-free",
            "fr": "accessible, sans marches",
            "es": "accesible, sin escalones",
            "ar": "سهل الوصول، بدون درج",
        },
    ),
    (
        "women-only",
        None,
        {
            "en": "Women only",
            "fr": "Femmes seulement",
            "es": "Solo mujeres",
            "ar": "للنساء فقط",
        },
        {"en": "women", "fr": "femmes", "es": "mujeres", "ar": "نساء"},
    ),
    (
        "youth-only",
        None,
        {
            "en": "Youth only",
            "fr": "Jeunes seulement",
            "es": "Solo jóvenes",
            "ar": "للشباب فقط",
        },
        {
            "en": "youth, teens",
            "fr": "jeunes, ados",
            "es": "jóvenes, adolescentes",
            "ar": "شباب، مراهقون",
        },
    ),
    (
        "families-welcome",
        None,
        {
            "en": "Families with children welcome",
            "fr": "Familles avec enfants bienvenues",
            "es": "Familias con niños bienvenidas",
            "ar": "ترحيب بالعائلات مع الأطفال",
        },
        {
            "en": "families, children",
            "fr": "familles, enfants",
            "es": "familias, niños",
            "ar": "عائلات، أطفال",
        },
    ),
]

LANGUAGES = ("en", "fr", "es", "ar")


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    result = {f"{field}_{code}": values.get(code, "") for code in LANGUAGES}
    result[field] = values["en"]
    return result


def load_taxonomy(taxonomy_model: Any, term_model: Any) -> None:
    """Creates or updates the shipped taxonomies and their terms (idempotent)."""
    for code, terms in ((CATEGORIES, CATEGORY_TERMS), (ATTRIBUTES, ATTRIBUTE_TERMS)):
        spec = TAXONOMIES[code]
        taxonomy, _created = upsert_taxonomy(taxonomy_model, code, spec)
        by_code: dict[str, Any] = {}
        for position, (term_code, parent, names, synonyms) in enumerate(terms):
            defaults: dict[str, Any] = {
                "position": position,
                "parent": by_code.get(parent) if parent else None,
                **_translated("name", names),
                **_translated("synonyms", synonyms),
            }
            term, _ = term_model.objects.update_or_create(
                taxonomy=taxonomy, code=term_code, defaults=defaults
            )
            by_code[term_code] = term


def upsert_taxonomy(taxonomy_model: Any, code: str, spec: dict[str, Any]) -> Any:
    defaults = {
        "version": "1",
        **_translated("name", spec["name"]),
        **_translated("description", spec["description"]),
    }
    return taxonomy_model.objects.update_or_create(code=code, defaults=defaults)
