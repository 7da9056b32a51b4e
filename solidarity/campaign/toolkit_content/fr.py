# ruff: noqa: E501
PAGES = {
    "never_ask": {
        "title": "Ne jamais demander le statut d'immigration",
        "summary": "Servir tout le monde sans demander de papiers, et retirer toute question qui révèle le statut.",
        "model_policy": """**[Organisme] sert toute personne, quel que soit son statut d'immigration.**

1. Le personnel et les bénévoles ne demandent jamais le statut d'immigration, la citoyenneté, le pays de naissance ou les documents de voyage d'une personne, ni en personne, ni au téléphone, ni dans aucun formulaire.
2. Nous n'exigeons aucun document qui révèle le statut (passeport, permis, carte d'assurance maladie, numéro d'assurance sociale). Quand nous devons savoir qui est une personne, nous acceptons n'importe quelle pièce, ou simplement un nom et un moyen de la joindre.
3. Si un bailleur de fonds ou un partenaire nous demande des données d'admissibilité, nous donnons le minimum nécessaire et jamais d'information sur le statut.
4. Si une personne nous dit malgré tout son statut, nous ne l'écrivons pas, sauf si elle nous le demande, dans son propre intérêt.
5. Cette politique s'applique à tous nos formulaires d'accueil, formulaires en ligne, bases de données et références. [Personne désignée] en est responsable et la révise chaque année.""",
        "staff_checklist": """- Relire chaque formulaire d'accueil, formulaire en ligne et champ de base de données : retirer les questions sur le statut, la citoyenneté, le pays de naissance, le numéro d'assurance sociale ou la carte d'assurance maladie.
- Remplacer « pièce d'identité obligatoire » par « n'importe quelle pièce, ou aucune » partout où c'est possible.
- S'entendre sur une phrase pour l'accueil, par exemple : *« Nous n'avons pas besoin de connaître votre statut pour vous aider. »*
- Vérifier les formulaires de référence vers les partenaires : eux non plus ne doivent pas le demander.
- Afficher l'affiche à l'entrée et sur votre site web, dans les langues des personnes que vous servez.
- Former le nouveau personnel et les bénévoles dès leur première semaine ; recommencer une fois par an.
- Nommer la personne responsable de cette politique, et écrire son nom ici : ____________""",
        "guidance": """### Quand une personne vous dit son statut

Remerciez-la de sa confiance et dites-lui que vous n'avez pas besoin de cette information. Ne l'écrivez ni dans un dossier, ni dans une note, ni dans un courriel.

### Quand un bailleur de fonds demande des données

Les bailleurs de fonds ont généralement besoin de chiffres, pas de noms. Proposez des totaux (personnes servies, groupes d'âge, quartiers) et expliquez que l'organisme s'est engagé à ne jamais recueillir le statut d'immigration. La plupart l'acceptent ; la campagne peut leur écrire avec vous.

### Quand un document est vraiment exigé par la loi

Certains programmes exigent un document dont vous ne pouvez pas vous passer. Dites-le simplement, sans poser de question sur le statut, et orientez la personne vers un service qui n'en a pas besoin : le répertoire de ce site les recense.""",
    },
    "confidential": {
        "title": "Garder le statut confidentiel",
        "summary": "Ce que vous apprenez sur le statut d'une personne reste chez vous : jamais noté sans besoin, jamais transmis aux autorités.",
        "model_policy": """**Toute information sur le statut d'immigration d'une personne est strictement confidentielle.**

1. Nous ne notons pas le statut d'une personne, sauf si elle nous le demande, dans son propre intérêt (par exemple une clinique juridique qui prépare son dossier).
2. Nous ne transmettons jamais d'information sur le statut, l'adresse ou la présence de quiconque à une agence gouvernementale, y compris l'Agence des services frontaliers du Canada (ASFC) et la police, à moins qu'une ordonnance d'un tribunal ne nous y oblige. Toute demande est remise à [personne désignée], qui demande un avis juridique.
3. Nous ne confirmons jamais à une personne qui appelle ou se présente si quelqu'un utilise nos services.
4. Seules les personnes qui en ont besoin peuvent consulter les dossiers personnels ; ils ne sont pas gardés plus longtemps que nécessaire, puis détruits.
5. Si la loi nous oblige à divulguer, nous divulguons le minimum et en informons la personne concernée, sauf si un tribunal l'interdit.""",
        "staff_checklist": """- Faire la liste des endroits où sont gardés les renseignements personnels (dossiers papier, tableurs, courriels, téléphones) et de qui peut les ouvrir.
- Retirer tout champ sur le statut de vos bases de données ; supprimer ce qui est déjà enregistré si vous n'en avez pas besoin.
- Mettre les dossiers papier sous clé ; protéger ordinateurs et téléphones par un mot de passe ; utiliser une messagerie chiffrée quand c'est possible.
- Fixer la durée de conservation de chaque type de dossier, puis le détruire.
- Faire signer un engagement de confidentialité à chaque membre du personnel et à chaque bénévole.
- Noter qui reçoit les demandes des autorités : nom ____________, téléphone ____________.
- S'exercer à la réponse : *« Je ne peux pas confirmer si quelqu'un utilise nos services. »*""",
        "guidance": """### Une demande d'information, par téléphone ou par courriel

Ne confirmez ni n'infirmez que quelqu'un est une personne usagère. Demandez la demande par écrit, avec le nom de l'agent, l'agence et le fondement juridique. Transmettez-la à la personne désignée le jour même.

### Une demande n'est pas une obligation

Une lettre, un appel ou la question d'un agent ne vous obligent pas à répondre. Seuls une ordonnance d'un tribunal, une ordonnance de communication ou un mandat le peuvent, et il faut les lire attentivement : quels documents, quelle personne, quelles dates. Consultez votre avocat ou une clinique juridique avant de remettre quoi que ce soit.

### Garder moins, risquer moins

Ce que vous n'avez pas noté ne peut pas être saisi. Ne recueillez que ce qui sert à aider, et détruisez les dossiers quand l'aide est terminée.

*Ce guide n'est pas un avis juridique. Faites relire votre procédure par un avocat.*""",
    },
    "no_fees": {
        "title": "Aucuns frais selon le statut d'immigration",
        "summary": "Un service gratuit pour une personne est gratuit pour toutes ; les frais ne dépendent jamais des papiers.",
        "model_policy": """**Nos frais ne dépendent jamais du statut d'immigration.**

1. Un service gratuit pour certaines personnes est gratuit pour toutes les personnes dans la même situation, quel que soit leur statut.
2. Quand nous demandons des frais, ils dépendent seulement du service et, si nous utilisons une échelle mobile, du revenu ou de la taille du ménage, déclarés par la personne.
3. Nous n'exigeons ni supplément ni dépôt des personnes sans carte d'assurance maladie, sans numéro d'assurance sociale ou sans adresse fixe.
4. Nous acceptons des moyens de paiement qui n'exigent ni compte bancaire ni pièce d'identité (par exemple l'argent comptant).
5. Quand un coût ne dépend pas de nous (un laboratoire, un hôpital), nous prévenons la personne à l'avance et l'aidons à trouver une option gratuite.""",
        "staff_checklist": """- Relire votre grille tarifaire : retirer tout frais, supplément ou dépôt qui dépend du statut, de l'assurance maladie ou de la citoyenneté.
- Si vous utilisez une échelle mobile, accepter une simple déclaration de revenu plutôt que des documents fiscaux.
- Offrir au moins un moyen de payer sans compte bancaire.
- Informer de cet engagement les partenaires vers qui vous orientez des personnes ; leur demander quels sont leurs frais.
- Envisager un petit fonds de solidarité pour couvrir les coûts que vous ne pouvez pas supprimer.""",
        "guidance": """### Les frais pour personnes « non assurées » en santé

Les cliniques et les hôpitaux peuvent facturer les personnes qui n'ont pas de carte d'assurance maladie provinciale. Si vous offrez des soins, voyez si ces frais dépendent de vous ; sinon, documentez-les et informez la campagne, qui travaille avec d'autres cliniques et avec des centres de santé communautaires qui reçoivent gratuitement les personnes non assurées.

### Prouver son revenu sans papiers

Une déclaration signée suffit pour la plupart des échelles mobiles. Ne demandez jamais de déclaration de revenus ni de numéro d'assurance sociale simplement pour fixer des frais.""",
    },
    "no_border_agency": {
        "title": "Aucune collaboration avec l'agence des frontières",
        "summary": "Interdire vos locaux aux agents d'immigration, ne rien leur transmettre, et savoir quoi faire s'ils se présentent à la porte.",
        "model_policy": """**Nous ne collaborons pas aux mesures d'exécution de la loi sur l'immigration.**

1. Le personnel et les bénévoles n'appellent jamais l'Agence des services frontaliers du Canada (ASFC) ou la police au sujet du statut d'une personne, et ne les aident jamais à retrouver quiconque.
2. Les parties non publiques de nos locaux (bureaux, salles, dortoirs, cuisines) sont privées. Les agents ne peuvent y entrer qu'avec un mandat signé par un juge qui l'autorise ; autrement, nous ne consentons à aucune entrée.
3. Nous ne laissons pas utiliser nos locaux, nos listes ou nos activités pour des mesures d'exécution en matière d'immigration.
4. Quand des agents se présentent, la personne de garde suit notre procédure de porte et appelle [personne désignée] et notre soutien juridique.
5. Nous soutenons toute personne touchée et signalons la visite à la campagne Ville solidaire.""",
        "staff_checklist": """- Indiquer les zones privées de vos locaux par une affiche : *« Privé — personnel seulement »*.
- Nommer, pour chaque quart de travail, la personne qui parlera aux agents : ____________
- Garder à l'accueil : cette procédure, un numéro de soutien juridique ____________ et un numéro d'intervention rapide ____________
- Former tout le monde une fois par an, avec une mise en situation à la porte.
- Prévoir qui restera avec la personne concernée et qui prendra des notes.
- Après toute visite : un retour en équipe, du soutien aux personnes touchées, un signalement à la campagne.""",
        "guidance": """### Si l'agence des frontières se présente à la porte

1. **Restez calme et gardez fermée la porte des zones privées.** Parlez aux agents à l'accueil ou à travers la porte.
2. **Demandez qui ils sont** — noms, numéros de matricule, agence — et pourquoi ils sont venus.
3. **Demandez à voir tout mandat, et lisez-le.** Qui l'a signé (un juge, ou un agent) ? Quelle adresse, quelle personne, quelles pièces ? Que permet-il ? Un mandat d'arrestation visant une personne n'est pas un mandat de perquisition de vos locaux.
4. **Dites clairement : « Je ne consens pas à ce que vous entriez. »** Ne mentez pas, ne bloquez pas physiquement, ne cachez ni ne détruisez de documents : dites que vous ne consentez pas, et gardez le silence.
5. **Vous n'êtes pas obligé·e de répondre aux questions** ni de dire si quelqu'un est présent.
6. **Appelez tout de suite la personne désignée et votre soutien juridique.**
7. **Notez tout** : l'heure, les noms, les matricules, ce qui a été dit et fait. Un témoin peut filmer à distance si c'est sans danger.

### Après

Prenez soin de la personne concernée et du personnel présent. Contactez la campagne : nous pouvons vous mettre en lien avec des avocats et des réseaux de soutien.

*Ce guide n'est pas un avis juridique. Faites relire votre procédure de porte par un avocat.*""",
    },
    "equal_standards": {
        "title": "Mêmes normes du travail et droits de la personne pour toutes et tous",
        "summary": "Toute personne qui travaille ou fait du bénévolat avec vous a droit au même salaire, à la même sécurité et au même respect, quel que soit son statut.",
        "model_policy": """**Toutes les personnes qui travaillent avec nous ont les mêmes droits.**

1. Chaque travailleuse et travailleur — salarié, contractuel ou bénévole — bénéficie des mêmes normes du travail : au moins le salaire minimum légal, un salaire égal pour un travail égal, des pauses, de l'équipement et une formation en sécurité.
2. Personne n'est menacé, sanctionné ou sous-payé à cause de son statut d'immigration, et personne n'est dénoncé aux autorités à la suite d'une plainte.
3. Toutes et tous ont accès à notre procédure de plainte et à nos politiques sur les droits de la personne et contre le harcèlement, dans une langue qu'ils comprennent.
4. Nous demandons à nos sous-traitants et fournisseurs d'appliquer les mêmes normes.""",
        "staff_checklist": """- Vérifier que chaque travailleuse, travailleur et sous-traitant reçoit au moins le salaire minimum légal, au même taux pour le même travail.
- Donner à tout le monde la même formation en sécurité et le même équipement de protection.
- Traduire votre procédure de plainte dans les langues de vos travailleuses, travailleurs et bénévoles.
- Écrire dans vos politiques que personne ne sera dénoncé aux autorités à la suite d'une plainte.
- Ajouter cet engagement à vos contrats avec les sous-traitants et les fournisseurs.
- Connaître les centres de travailleuses et travailleurs près de chez vous et partager leurs coordonnées.""",
        "guidance": """### Les droits ne dépendent pas du statut

Dans la plupart des provinces, les normes du travail et les lois sur la santé et la sécurité au travail protègent chaque travailleuse et travailleur, quel que soit son statut. Les centres de travailleuses et travailleurs et les cliniques juridiques peuvent aider à récupérer un salaire impayé ou à dénoncer un milieu de travail dangereux.

### Menacer au sujet du statut, c'est un abus

Un employeur qui menace d'appeler l'agence des frontières pour faire taire une travailleuse commet un abus. Si cela arrive dans votre organisme ou chez vos fournisseurs, agissez : faites-le cesser, soutenez la personne et contactez la campagne.""",
    },
}
