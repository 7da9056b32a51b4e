"""The demo declaration, in our own words, in every UI language."""

TITLE = {
    "en": "Solidarity City Declaration",
    "fr": "Déclaration Ville solidaire",
    "es": "Declaración Ciudad Solidaria",
    "ar": "إعلان المدينة المتضامنة",
}

BODY = {
    "en": (
        "Thousands of people live and work in our city without immigration status. They clean "
        "offices, pick crops, cook in restaurants and care for children, often in the most "
        "dangerous and worst-paid jobs.\n\n"
        "Fear of being asked for papers and reported to the border agency keeps them away from "
        "clinics, schools, food banks, shelters and housing. That fear is what keeps them "
        "exploitable.\n\n"
        "We believe that everyone should have access to health care, education, housing, food "
        "and social support, whatever their immigration status, and that labour and human rights "
        "apply equally to all.\n\n"
        "By endorsing this declaration, our organization publicly supports the Status for All "
        "campaign: no deportations, no detentions, and regularization for all people without "
        "status."
    ),
    "fr": (
        "Des milliers de personnes vivent et travaillent dans notre ville sans statut "
        "d'immigration. Elles nettoient des bureaux, font les récoltes, cuisinent dans les "
        "restaurants et s'occupent des enfants, souvent dans les emplois les plus dangereux et "
        "les moins bien payés.\n\n"
        "La peur qu'on leur demande leurs papiers et qu'on les dénonce à l'agence des frontières "
        "les éloigne des cliniques, des écoles, des banques alimentaires, des refuges et du "
        "logement. C'est cette peur qui les maintient exploitables.\n\n"
        "Nous croyons que tout le monde doit avoir accès aux soins, à l'éducation, au logement, "
        "à l'alimentation et au soutien social, quel que soit son statut d'immigration, et que "
        "les droits du travail et les droits humains s'appliquent également à toutes et tous.\n\n"
        "En appuyant cette déclaration, notre organisation soutient publiquement la campagne "
        "Un statut pour toutes et tous : aucune expulsion, aucune détention, et la "
        "régularisation de toutes les personnes sans statut."
    ),
    "es": (
        "Miles de personas viven y trabajan en nuestra ciudad sin estatus migratorio. Limpian "
        "oficinas, recogen cosechas, cocinan en restaurantes y cuidan a niñas y niños, a menudo "
        "en los trabajos más peligrosos y peor pagados.\n\n"
        "El miedo a que les pidan papeles y les denuncien a la agencia fronteriza les aleja de "
        "las clínicas, las escuelas, los bancos de alimentos, los albergues y la vivienda. Ese "
        "miedo es lo que les mantiene explotables.\n\n"
        "Creemos que todas las personas deben tener acceso a la salud, la educación, la "
        "vivienda, la alimentación y el apoyo social, sea cual sea su estatus migratorio, y que "
        "los derechos laborales y humanos se aplican por igual a todas.\n\n"
        "Al respaldar esta declaración, nuestra organización apoya públicamente la campaña "
        "Estatus para Todas las Personas: ninguna deportación, ninguna detención y la "
        "regularización de todas las personas sin estatus."
    ),
    "ar": (
        "يعيش ويعمل آلاف الأشخاص في مدينتنا من دون وضع هجرة نظامي. ينظّفون المكاتب ويجنون "
        "المحاصيل ويطبخون في المطاعم ويعتنون بالأطفال، وغالبًا في أخطر الأعمال وأقلها أجرًا.\n\n"
        "الخوف من أن تُطلب منهم أوراقهم وأن يُبلَّغ عنهم لدى وكالة الحدود يبعدهم عن العيادات "
        "والمدارس وبنوك الطعام والملاجئ والسكن. وهذا الخوف هو ما يبقيهم عرضة للاستغلال.\n\n"
        "نؤمن بأن لكل إنسان الحق في الرعاية الصحية والتعليم والسكن والغذاء والدعم الاجتماعي، "
        "أيًّا كان وضعه من حيث الهجرة، وبأن حقوق العمل وحقوق الإنسان تنطبق على الجميع بالتساوي.\n\n"
        "بتأييد هذا الإعلان، تدعم منظمتنا علنًا حملة «وضع قانوني للجميع»: لا ترحيل، ولا احتجاز، "
        "وتسوية أوضاع جميع الأشخاص الذين لا يملكون وضعًا قانونيًا."
    ),
}

SERVICES_INTRO = {
    "en": "If our organization provides services, we also commit to:",
    "fr": "Si notre organisation offre des services, nous nous engageons aussi à :",
    "es": "Si nuestra organización ofrece servicios, también nos comprometemos a:",
    "ar": "إذا كانت منظمتنا تقدّم خدمات، فإننا نلتزم أيضًا بما يلي:",
}

COMMITMENTS = {
    "never_ask": {
        "en": "never ask anyone about their immigration status;",
        "fr": "ne jamais demander à quiconque son statut d'immigration;",
        "es": "no preguntar nunca a nadie por su estatus migratorio;",
        "ar": "ألّا نسأل أحدًا أبدًا عن وضعه من حيث الهجرة؛",
    },
    "confidential": {
        "en": (
            "keep anything we learn about someone's status strictly confidential, and never "
            "share it with any government agency;"
        ),
        "fr": (
            "garder strictement confidentiel tout ce que nous apprenons sur le statut d'une "
            "personne, et ne jamais le transmettre à une agence gouvernementale;"
        ),
        "es": (
            "mantener en estricta confidencialidad todo lo que sepamos sobre el estatus de una "
            "persona, y no compartirlo nunca con ninguna agencia del gobierno;"
        ),
        "ar": "أن نحفظ بسرية تامة كل ما نعرفه عن وضع أي شخص، وألّا نشاركه أبدًا مع أي جهة حكومية؛",
    },
    "no_fees": {
        "en": "never charge fees because of someone's immigration status;",
        "fr": "ne jamais exiger de frais en raison du statut d'immigration d'une personne;",
        "es": "no cobrar nunca tarifas por el estatus migratorio de una persona;",
        "ar": "ألّا نفرض أي رسوم بسبب وضع الشخص من حيث الهجرة؛",
    },
    "no_border_agency": {
        "en": (
            "refuse to cooperate with the Canada Border Services Agency, and bar it from our "
            "premises;"
        ),
        "fr": (
            "refuser toute collaboration avec l'Agence des services frontaliers du Canada, et "
            "lui interdire l'accès à nos locaux;"
        ),
        "es": (
            "negarnos a cooperar con la Agencia de Servicios Fronterizos de Canadá, e impedirle "
            "la entrada a nuestros locales;"
        ),
        "ar": "أن نرفض التعاون مع وكالة خدمات الحدود الكندية، وأن نمنعها من دخول مقرّاتنا؛",
    },
    "equal_standards": {
        "en": (
            "make sure labour and human-rights standards apply equally to everyone in our "
            "organization, workplace and community, whatever their status."
        ),
        "fr": (
            "veiller à ce que les normes du travail et les droits humains s'appliquent "
            "également à toutes et tous dans notre organisation, notre milieu de travail et "
            "notre communauté, quel que soit leur statut."
        ),
        "es": (
            "asegurar que las normas laborales y los derechos humanos se apliquen por igual a "
            "todas las personas en nuestra organización, lugar de trabajo y comunidad, sea cual "
            "sea su estatus."
        ),
        "ar": (
            "أن نحرص على تطبيق معايير العمل وحقوق الإنسان على الجميع بالتساوي في منظمتنا ومكان "
            "عملنا ومجتمعنا، أيًّا كان وضعهم."
        ),
    },
}
