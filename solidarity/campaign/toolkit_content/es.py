# ruff: noqa: E501
PAGES = {
    "never_ask": {
        "title": "Nunca preguntar por el estatus migratorio",
        "summary": "Atender a todas las personas sin pedir papeles y quitar toda pregunta que revele el estatus.",
        "model_policy": """**[Organización] atiende a todas las personas, sea cual sea su estatus migratorio.**

1. El personal y las personas voluntarias nunca preguntan por el estatus migratorio, la ciudadanía, el país de nacimiento ni los documentos de viaje de una persona, ni en persona, ni por teléfono, ni en ningún formulario.
2. No exigimos documentos que revelen el estatus (pasaporte, permiso, tarjeta sanitaria, número de seguro social). Cuando necesitamos saber quién es alguien, aceptamos cualquier documento, o simplemente un nombre y una forma de contactarle.
3. Si quien nos financia o una organización aliada nos pide datos de elegibilidad, damos el mínimo necesario y nunca información sobre el estatus.
4. Si alguien nos cuenta su estatus de todos modos, no lo anotamos, salvo que nos lo pida, en su propio beneficio.
5. Esta política se aplica a todos nuestros formularios de admisión, formularios en línea, bases de datos y derivaciones. [Persona designada] es responsable de ella y la revisa cada año.""",
        "staff_checklist": """- Revisar cada formulario de admisión, formulario en línea y campo de base de datos: quitar las preguntas sobre estatus, ciudadanía, país de nacimiento, número de seguro social o tarjeta sanitaria.
- Cambiar «identificación obligatoria» por «cualquier identificación, o ninguna» siempre que se pueda.
- Acordar una frase para la recepción, por ejemplo: *«No necesitamos saber su estatus migratorio para ayudarle.»*
- Revisar los formularios para derivar personas a otras organizaciones: tampoco deben preguntarlo.
- Colocar el cartel en la entrada y en su sitio web, en los idiomas de las personas que atienden.
- Formar al personal y a las personas voluntarias nuevas en su primera semana; repetir una vez al año.
- Nombrar a la persona responsable de esta política y escribir su nombre aquí: ____________""",
        "guidance": """### Cuando alguien le cuenta su estatus

Agradézcale la confianza y dígale que no necesita esa información. No la escriba en un expediente, una nota ni un correo.

### Cuando quien financia pide datos

Normalmente se necesitan cifras, no nombres. Ofrezca totales (personas atendidas, grupos de edad, barrios) y explique que la organización se comprometió a no recopilar nunca el estatus migratorio. La mayoría lo acepta; la campaña puede escribirles junto con ustedes.

### Cuando la ley exige de verdad un documento

Algunos programas exigen un documento del que no se puede prescindir. Dígalo con claridad, sin preguntar por el estatus, y oriente a la persona hacia un servicio que no lo necesite: el directorio de este sitio los reúne.""",
    },
    "confidential": {
        "title": "Mantener el estatus en confidencialidad",
        "summary": "Lo que sepa sobre el estatus de una persona se queda con usted: nunca se anota sin necesidad, nunca se entrega a las autoridades.",
        "model_policy": """**La información sobre el estatus migratorio de una persona es estrictamente confidencial.**

1. No anotamos el estatus de una persona, salvo que nos lo pida, en su propio beneficio (por ejemplo, una clínica jurídica que prepara su expediente).
2. Nunca compartimos información sobre el estatus, la dirección o la presencia de nadie con ninguna agencia gubernamental, incluida la Agencia de Servicios Fronterizos de Canadá (CBSA) y la policía, salvo que una orden judicial nos obligue. Toda solicitud se entrega a [persona designada], que pide asesoría jurídica.
3. Nunca confirmamos a quien llama o se presenta si una persona usa nuestros servicios.
4. Solo el personal que lo necesita puede consultar los expedientes personales; no se guardan más tiempo del necesario y después se destruyen.
5. Si la ley nos obliga a divulgar algo, divulgamos el mínimo e informamos a la persona afectada, salvo que un tribunal lo prohíba.""",
        "staff_checklist": """- Hacer una lista de dónde se guarda la información personal (expedientes en papel, hojas de cálculo, correos, teléfonos) y de quién puede abrirla.
- Quitar de sus bases de datos todo campo sobre el estatus; borrar lo que ya esté guardado si no lo necesitan.
- Guardar bajo llave los expedientes en papel; proteger computadoras y teléfonos con contraseña; usar mensajería cifrada cuando sea posible.
- Fijar cuánto tiempo se conserva cada tipo de expediente, y destruirlo después.
- Pedir a cada miembro del personal y a cada persona voluntaria que firme un compromiso de confidencialidad.
- Anotar quién recibe las solicitudes de las autoridades: nombre ____________, teléfono ____________.
- Practicar la respuesta: *«No puedo confirmar si alguien usa nuestros servicios.»*""",
        "guidance": """### Una solicitud de información, por teléfono o por correo

No confirme ni niegue que alguien sea usuario. Pida la solicitud por escrito, con el nombre del agente, la agencia y el fundamento legal. Entréguela a la persona designada el mismo día.

### Una solicitud no es una obligación

Una carta, una llamada o la pregunta de un agente no le obligan a responder. Solo una orden judicial, una orden de presentación o un mandamiento pueden hacerlo, y hay que leerlos con atención: qué documentos, qué persona, qué fechas. Consulte a su abogado o a una clínica jurídica antes de entregar nada.

### Guardar menos, arriesgar menos

Lo que no se ha anotado no se puede incautar. Recoja solo lo necesario para ayudar y destruya los expedientes cuando la ayuda haya terminado.

*Esta guía no es asesoría jurídica. Pida a un abogado que revise su procedimiento.*""",
    },
    "no_fees": {
        "title": "Ninguna tarifa según el estatus migratorio",
        "summary": "Un servicio gratuito para una persona es gratuito para todas; las tarifas nunca dependen de los papeles.",
        "model_policy": """**Nuestras tarifas nunca dependen del estatus migratorio.**

1. Un servicio gratuito para algunas personas es gratuito para todas las que están en la misma situación, sea cual sea su estatus.
2. Cuando cobramos, la tarifa depende solo del servicio y, si usamos una escala variable, de los ingresos o del tamaño del hogar, declarados por la persona.
3. No cobramos recargos ni depósitos a las personas sin tarjeta sanitaria, sin número de seguro social o sin domicilio fijo.
4. Aceptamos formas de pago que no exigen cuenta bancaria ni identificación (por ejemplo, efectivo).
5. Cuando un costo no depende de nosotros (un laboratorio, un hospital), avisamos a la persona con antelación y le ayudamos a encontrar una alternativa gratuita.""",
        "staff_checklist": """- Revisar su lista de tarifas: quitar toda tarifa, recargo o depósito que dependa del estatus, del seguro médico o de la ciudadanía.
- Si usan una escala variable, aceptar una simple declaración de ingresos en lugar de documentos fiscales.
- Ofrecer al menos una forma de pagar sin cuenta bancaria.
- Informar de este compromiso a las organizaciones a las que derivan personas; preguntarles por sus propias tarifas.
- Considerar un pequeño fondo solidario para cubrir los costos que no pueden suprimir.""",
        "guidance": """### Tarifas para personas «sin seguro» en salud

Las clínicas y los hospitales pueden cobrar a las personas que no tienen tarjeta sanitaria provincial. Si ofrecen atención de salud, vean si esas tarifas dependen de ustedes; si no, documéntenlas e informen a la campaña, que trabaja con otras clínicas y con centros de salud comunitarios que atienden gratis a personas sin seguro.

### Demostrar ingresos sin papeles

Una declaración firmada basta para la mayoría de las escalas variables. Nunca pida declaraciones de impuestos ni número de seguro social solo para fijar una tarifa.""",
    },
    "no_border_agency": {
        "title": "Ninguna cooperación con la agencia fronteriza",
        "summary": "Prohibir la entrada de los agentes de inmigración, no entregarles nada y saber qué hacer si llegan a la puerta.",
        "model_policy": """**No cooperamos con la aplicación de las leyes migratorias.**

1. El personal y las personas voluntarias nunca llaman a la Agencia de Servicios Fronterizos de Canadá (CBSA) ni a la policía por el estatus de una persona, y nunca les ayudan a localizar a nadie.
2. Las zonas no públicas de nuestro local (oficinas, salas, dormitorios, cocinas) son privadas. Los agentes solo pueden entrar con una orden firmada por un juez que lo autorice; de lo contrario, no consentimos ninguna entrada.
3. No permitimos que nuestro local, nuestras listas o nuestras actividades se usen para la aplicación de las leyes migratorias.
4. Cuando llegan agentes, la persona de turno sigue nuestro procedimiento de puerta y llama a [persona designada] y a nuestro apoyo jurídico.
5. Apoyamos a toda persona afectada e informamos de la visita a la campaña Ciudad Solidaria.""",
        "staff_checklist": """- Señalar las zonas privadas de su local con un cartel: *«Privado — solo personal»*.
- Nombrar, para cada turno, a la persona que hablará con los agentes: ____________
- Tener en la recepción: este procedimiento, un teléfono de apoyo jurídico ____________ y un teléfono de respuesta rápida ____________
- Formar a todo el equipo una vez al año, con un ensayo en la puerta.
- Prever quién se quedará con la persona afectada y quién tomará notas.
- Después de cualquier visita: una reunión de balance, apoyo a las personas afectadas y un informe a la campaña.""",
        "guidance": """### Si la agencia fronteriza llega a la puerta

1. **Mantenga la calma y la puerta de las zonas privadas cerrada.** Hable con los agentes en la recepción o a través de la puerta.
2. **Pregunte quiénes son** —nombres, números de placa, agencia— y por qué vinieron.
3. **Pida ver cualquier orden, y léala.** ¿Quién la firmó (un juez o un agente)? ¿Qué dirección, qué persona, qué espacios? ¿Qué permite? Una orden de arresto contra una persona no es una orden de registro de su local.
4. **Diga claramente: «No consiento que entren.»** No mienta, no bloquee físicamente, no esconda ni destruya documentos: diga que no consiente y guarde silencio.
5. **No está obligado a responder preguntas** ni a decir si alguien está presente.
6. **Llame enseguida a la persona designada y a su apoyo jurídico.**
7. **Anótelo todo**: la hora, los nombres, los números de placa, lo que se dijo y se hizo. Un testigo puede grabar a distancia si es seguro hacerlo.

### Después

Cuide a la persona afectada y al personal presente. Contacte a la campaña: podemos ponerles en contacto con abogados y redes de apoyo.

*Esta guía no es asesoría jurídica. Pida a un abogado que revise su procedimiento de puerta.*""",
    },
    "equal_standards": {
        "title": "Las mismas normas laborales y de derechos humanos para todas las personas",
        "summary": "Toda persona que trabaja o hace voluntariado con ustedes recibe el mismo salario, la misma seguridad y el mismo respeto, sea cual sea su estatus.",
        "model_policy": """**Todas las personas que trabajan con nosotros tienen los mismos derechos.**

1. Cada trabajadora y trabajador —asalariado, contratado o voluntario— recibe las mismas normas laborales: al menos el salario mínimo legal, igual salario por igual trabajo, descansos, equipo y formación en seguridad.
2. Nadie es amenazado, sancionado ni mal pagado por su estatus migratorio, y nadie es denunciado a las autoridades por haber presentado una queja.
3. Todas las personas tienen acceso a nuestro procedimiento de quejas y a nuestras políticas de derechos humanos y contra el acoso, en un idioma que entiendan.
4. Pedimos a nuestros subcontratistas y proveedores que apliquen las mismas normas.""",
        "staff_checklist": """- Verificar que cada trabajador y subcontratista recibe al menos el salario mínimo legal, con la misma tarifa por el mismo trabajo.
- Dar a todas las personas la misma formación en seguridad y el mismo equipo de protección.
- Traducir su procedimiento de quejas a los idiomas de sus trabajadores y voluntarios.
- Escribir en sus políticas que nadie será denunciado a las autoridades por presentar una queja.
- Añadir este compromiso a sus contratos con subcontratistas y proveedores.
- Conocer los centros de trabajadores cercanos y compartir sus datos de contacto.""",
        "guidance": """### Los derechos no dependen del estatus

En la mayoría de las provincias, las normas laborales y las leyes de salud y seguridad en el trabajo protegen a toda persona trabajadora, sea cual sea su estatus. Los centros de trabajadores y las clínicas jurídicas pueden ayudar a recuperar salarios impagos o a denunciar un lugar de trabajo peligroso.

### Amenazar con el estatus es un abuso

Un empleador que amenaza con llamar a la agencia fronteriza para silenciar a una trabajadora está cometiendo un abuso. Si ocurre en su organización o entre sus proveedores, actúen: deténganlo, apoyen a la persona y contacten a la campaña.""",
    },
}
