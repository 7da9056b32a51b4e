"""Text of the demo services, in the four interface languages (fictional)."""

SERVICE_NAMES: dict[str, dict[str, str]] = {
    "primary-care": {
        "en": "Community health clinic",
        "fr": "Clinique de santé communautaire",
        "es": "Clínica de salud comunitaria",
        "ar": "عيادة صحية مجتمعية",
    },
    "mental-health": {
        "en": "Counselling and mental health support",
        "fr": "Écoute et soutien en santé mentale",
        "es": "Apoyo psicológico y salud mental",
        "ar": "دعم نفسي وصحة نفسية",
    },
    "dental": {
        "en": "Free dental clinic",
        "fr": "Clinique dentaire gratuite",
        "es": "Clínica dental gratuita",
        "ar": "عيادة أسنان مجانية",
    },
    "sexual-reproductive-health": {
        "en": "Sexual health clinic",
        "fr": "Clinique de santé sexuelle",
        "es": "Clínica de salud sexual",
        "ar": "عيادة الصحة الجنسية",
    },
    "prenatal": {
        "en": "Prenatal care and midwives",
        "fr": "Suivi de grossesse et sages-femmes",
        "es": "Control prenatal y parteras",
        "ar": "متابعة الحمل والقابلات",
    },
    "schools": {
        "en": "Help enrolling children in school",
        "fr": "Aide à l'inscription scolaire",
        "es": "Ayuda para inscribir a los niños en la escuela",
        "ar": "المساعدة في تسجيل الأطفال في المدرسة",
    },
    "adult-education": {
        "en": "Adult learning centre",
        "fr": "Centre d'éducation des adultes",
        "es": "Centro de educación para adultos",
        "ar": "مركز تعليم الكبار",
    },
    "language-classes": {
        "en": "Free English and French classes",
        "fr": "Cours de français et d'anglais gratuits",
        "es": "Clases gratuitas de inglés y francés",
        "ar": "دروس مجانية في الإنجليزية والفرنسية",
    },
    "childcare": {
        "en": "Community daycare",
        "fr": "Halte-garderie communautaire",
        "es": "Guardería comunitaria",
        "ar": "حضانة مجتمعية",
    },
    "housing": {
        "en": "Tenants' rights help",
        "fr": "Comité logement et droits des locataires",
        "es": "Ayuda con derechos de inquilinos",
        "ar": "المساعدة في حقوق المستأجرين",
    },
    "food-banks": {
        "en": "Food bank",
        "fr": "Banque alimentaire",
        "es": "Banco de alimentos",
        "ar": "بنك الطعام",
    },
    "community-meals": {
        "en": "Community meal",
        "fr": "Repas communautaire",
        "es": "Comida comunitaria",
        "ar": "وجبة مجتمعية",
    },
    "emergency-shelter": {
        "en": "Emergency overnight shelter",
        "fr": "Hébergement d'urgence de nuit",
        "es": "Albergue nocturno de emergencia",
        "ar": "مأوى ليلي طارئ",
    },
    "women-shelter": {
        "en": "Women's shelter",
        "fr": "Maison d'hébergement pour femmes",
        "es": "Casa de acogida para mujeres",
        "ar": "دار إيواء للنساء",
    },
    "youth-shelter": {
        "en": "Youth shelter",
        "fr": "Hébergement pour jeunes",
        "es": "Albergue juvenil",
        "ar": "مأوى للشباب",
    },
    "immigration-legal-aid": {
        "en": "Immigration legal clinic",
        "fr": "Clinique juridique en immigration",
        "es": "Clínica legal de inmigración",
        "ar": "عيادة قانونية للهجرة",
    },
    "labour-rights": {
        "en": "Workers' rights clinic",
        "fr": "Clinique des droits du travail",
        "es": "Clínica de derechos laborales",
        "ar": "عيادة حقوق العمال",
    },
    "human-rights": {
        "en": "Human rights and anti-racism help",
        "fr": "Aide en droits de la personne et antiracisme",
        "es": "Ayuda en derechos humanos y antirracismo",
        "ar": "المساعدة في حقوق الإنسان ومناهضة العنصرية",
    },
    "benefits-help": {
        "en": "Help with tax returns and benefits",
        "fr": "Aide aux déclarations d'impôts et prestations",
        "es": "Ayuda con impuestos y prestaciones",
        "ar": "المساعدة في الإقرارات الضريبية والإعانات",
    },
    "workers-centres": {
        "en": "Migrant workers' centre",
        "fr": "Centre des travailleuses et travailleurs immigrants",
        "es": "Centro de trabajadores migrantes",
        "ar": "مركز العمال المهاجرين",
    },
    "family-children": {
        "en": "Family drop-in centre",
        "fr": "Maison de la famille",
        "es": "Centro para familias",
        "ar": "مركز الأسرة",
    },
    "interpretation": {
        "en": "Community interpreters",
        "fr": "Interprètes communautaires",
        "es": "Intérpretes comunitarios",
        "ar": "مترجمون مجتمعيون",
    },
}

DESCRIPTION = {
    "en": "{name} in {city}. We never ask about immigration status and never share information "
    "with the authorities.",
    "fr": "{name} à {city}. Nous ne demandons jamais le statut d'immigration et ne partageons "
    "aucune information avec les autorités.",
    "es": "{name} en {city}. Nunca preguntamos por el estatus migratorio y nunca compartimos "
    "información con las autoridades.",
    "ar": "{name} في {city}. لا نسأل أبدًا عن وضع الهجرة ولا نشارك أي معلومات مع السلطات.",
}

ELIGIBILITY = {
    "en": "Everyone, whatever their situation.",
    "fr": "Tout le monde, quelle que soit sa situation.",
    "es": "Todas las personas, sea cual sea su situación.",
    "ar": "الجميع، أيًّا كان وضعهم.",
}

APPLICATION = {
    True: {
        "en": "Come during opening hours, no appointment needed.",
        "fr": "Venez pendant les heures d'ouverture, sans rendez-vous.",
        "es": "Venga en el horario de atención, sin cita.",
        "ar": "تعال خلال ساعات العمل، دون موعد مسبق.",
    },
    False: {
        "en": "Call to make an appointment.",
        "fr": "Appelez pour prendre rendez-vous.",
        "es": "Llame para pedir una cita.",
        "ar": "اتصل لحجز موعد.",
    },
}

FEES_FREE = {"en": "Free.", "fr": "Gratuit.", "es": "Gratis.", "ar": "مجاني."}

STREETS = [
    "Rue Jean-Talon Ouest",
    "Chemin de la Côte-des-Neiges",
    "Boulevard Saint-Michel",
    "Rue Ontario Est",
    "Queen Street West",
    "Dundas Street West",
    "Finch Avenue West",
    "Main Street",
    "East Hastings Street",
    "Commercial Drive",
    "Kingsway",
]
