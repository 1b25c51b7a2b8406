// Static material for the seed: places, actors and words. seed.mjs turns it into dated events.

/** Venues per city; lat/lon are real-ish so location/radius searches make sense. */
export const CITIES = {
  lyon: {
    locality: 'Lyon', region: 'Auvergne-Rhône-Alpes', country: 'France', timezone: 'Europe/Paris',
    venues: {
      bellecour: { description: 'Place Bellecour', street: 'Place Bellecour', postalCode: '69002', lat: 45.7578, lon: 4.832 },
      maisonVelo: { description: 'Maison du Vélo', street: '12 rue Paul Bert', postalCode: '69003', lat: 45.7589, lon: 4.844 },
      transbordeur: { description: 'Le Transbordeur', street: '3 boulevard de Stalingrad', postalCode: '69100', locality: 'Villeurbanne', lat: 45.7839, lon: 4.8605 },
      teteDor: { description: "Parc de la Tête d'Or", street: 'Boulevard des Belges', postalCode: '69006', lat: 45.7772, lon: 4.8558 },
      observatoire: { description: 'Observatoire de Lyon', street: '9 avenue Charles André', postalCode: '69230', locality: 'Saint-Genis-Laval', lat: 45.6972, lon: 4.7836 },
      croixRousse: { description: 'Salle de la Croix-Rousse', street: 'Place de la Croix-Rousse', postalCode: '69004', lat: 45.7741, lon: 4.8317 },
      associations: { description: 'Maison des associations', street: '28 rue Denfert-Rochereau', postalCode: '69004', lat: 45.776, lon: 4.828 },
    },
  },
  montreal: {
    locality: 'Montréal', region: 'Québec', country: 'Canada', timezone: 'America/Montreal',
    venues: {
      mileEnd: { description: 'Bibliothèque du Mile End', street: '5434 avenue du Parc', postalCode: 'H2V 4G7', lat: 45.5232, lon: -73.5984 },
      fablab: { description: 'Espace Fab Lab', street: '1200 rue Saint-Alexandre', postalCode: 'H3B 3H5', lat: 45.5026, lon: -73.568 },
      jeanTalon: { description: 'Marché Jean-Talon', street: '7070 avenue Henri-Julien', postalCode: 'H2S 3S3', lat: 45.5363, lon: -73.6145 },
    },
  },
  berlin: {
    locality: 'Berlin', region: 'Berlin', country: 'Deutschland', timezone: 'Europe/Berlin',
    venues: {
      gethsemane: { description: 'Gethsemanekirche', street: 'Stargarder Straße 77', postalCode: '10437', lat: 52.545, lon: 13.415 },
      kulturbrauerei: { description: 'Probensaal Kulturbrauerei', street: 'Schönhauser Allee 36', postalCode: '10435', lat: 52.539, lon: 13.413 },
      tempelhof: { description: 'Tempelhofer Feld', street: 'Tempelhofer Damm', postalCode: '12101', lat: 52.473, lon: 13.401 },
    },
  },
  tokyo: {
    locality: 'Tokyo', region: 'Tokyo', country: 'Japan', timezone: 'Asia/Tokyo',
    venues: {
      takao: { description: 'Takaosanguchi Station', street: 'Takaomachi', postalCode: '193-0844', locality: 'Hachioji', lat: 35.6325, lon: 139.27 },
      kamakura: { description: 'Kamakura Station', street: '1 Komachi', postalCode: '248-0006', locality: 'Kamakura', region: 'Kanagawa', lat: 35.319, lon: 139.55 },
      okutama: { description: 'Okutama Station', street: 'Hikawa', postalCode: '198-0212', locality: 'Okutama', lat: 35.8095, lon: 139.0965 },
      yoyogi: { description: 'Yoyogi Park', street: '2-1 Yoyogikamizonocho', postalCode: '151-0052', locality: 'Shibuya', lat: 35.6717, lon: 139.6949 },
      hakone: { description: 'Hakone-Yumoto Station', street: '707 Yumoto', postalCode: '250-0311', locality: 'Hakone', region: 'Kanagawa', lat: 35.2329, lon: 139.1053 },
    },
  },
  auckland: {
    locality: 'Auckland', region: 'Auckland', country: 'New Zealand', timezone: 'Pacific/Auckland',
    venues: {
      arataki: { description: 'Arataki Visitor Centre', street: '300 Scenic Drive', postalCode: '0604', locality: 'Titirangi', lat: -36.961, lon: 174.586 },
      ferry: { description: 'Downtown Ferry Terminal', street: '99 Quay Street', postalCode: '1010', lat: -36.843, lon: 174.767 },
      hunua: { description: 'Hunua Falls car park', street: 'Hunua Falls Road', postalCode: '2583', locality: 'Hunua', lat: -37.064, lon: 175.075 },
      piha: { description: 'Piha Beach', street: 'Marine Parade North', postalCode: '0772', locality: 'Piha', lat: -36.953, lon: 174.47 },
      mangatepopo: { description: 'Mangatepopo car park', street: 'Mangatepopo Road', postalCode: '3989', locality: 'Tongariro National Park', region: 'Manawatū-Whanganui', lat: -39.145, lon: 175.58 },
      library: { description: 'Central City Library', street: '44-46 Lorne Street', postalCode: '1010', lat: -36.8506, lon: 174.7646 },
    },
  },
  saoPaulo: {
    locality: 'São Paulo', region: 'São Paulo', country: 'Brasil', timezone: 'America/Sao_Paulo',
    venues: {
      casaRosas: { description: 'Casa das Rosas', street: 'Avenida Paulista, 37', postalCode: '01311-902', lat: -23.571, lon: -46.645 },
      masp: { description: 'MASP', street: 'Avenida Paulista, 1578', postalCode: '01310-200', lat: -23.5614, lon: -46.6559 },
      batman: { description: 'Beco do Batman', street: 'Rua Gonçalo Afonso', postalCode: '05436-100', lat: -23.556, lon: -46.686 },
      ccsp: { description: 'Centro Cultural São Paulo', street: 'Rua Vergueiro, 1000', postalCode: '01504-000', lat: -23.571, lon: -46.639 },
    },
  },
  tunis: {
    locality: 'تونس', region: 'تونس', country: 'تونس', timezone: 'Africa/Tunis',
    venues: {
      medina: { description: 'جامع الزيتونة', street: 'نهج جامع الزيتونة', postalCode: '1008', lat: 36.798, lon: 10.171 },
      theatre: { description: 'المسرح البلدي', street: 'شارع الحبيب بورقيبة', postalCode: '1000', lat: 36.8, lon: 10.181 },
      darLasram: { description: 'دار الأصرم', street: '24 نهج المحكمة', postalCode: '1006', lat: 36.801, lon: 10.169 },
    },
  },
  nantes: {
    locality: 'Nantes', region: 'Pays de la Loire', country: 'France', timezone: 'Europe/Paris',
    venues: {
      lieuUnique: { description: 'Le Lieu Unique', street: 'Quai Ferdinand Favre', postalCode: '44000', lat: 47.214, lon: -1.546 },
      ileNantes: { description: 'Les Machines de l’île', street: 'Parc des Chantiers', postalCode: '44200', lat: 47.2064, lon: -1.5645 },
    },
  },
  bruxelles: {
    locality: 'Bruxelles', region: 'Bruxelles-Capitale', country: 'Belgique', timezone: 'Europe/Brussels',
    venues: { flagey: { description: 'Place Flagey', street: 'Place Eugène Flagey', postalCode: '1050', lat: 50.8275, lon: 4.3725 } },
  },
  wien: {
    locality: 'Wien', region: 'Wien', country: 'Österreich', timezone: 'Europe/Vienna',
    venues: { heldenplatz: { description: 'Heldenplatz', street: 'Heldenplatz', postalCode: '1010', lat: 48.2065, lon: 16.3634 } },
  },
  barcelona: {
    locality: 'Barcelona', region: 'Catalunya', country: 'España', timezone: 'Europe/Madrid',
    venues: { ateneu: { description: 'Ateneu Barcelonès', street: 'Carrer de la Canuda, 6', postalCode: '08002', lat: 41.3846, lon: 2.1718 } },
  },
  lille: {
    locality: 'Lille', region: 'Hauts-de-France', country: 'France', timezone: 'Europe/Paris',
    venues: { gareSaintSauveur: { description: 'Gare Saint Sauveur', street: '17 boulevard Jean-Baptiste Lebas', postalCode: '59000', lat: 50.6285, lon: 3.0689 } },
  },
};

/** People: organisers of person events and authors of posts. `anonymous` is Mobilizon's anonymous actor. */
export const PERSONS = [
  { key: 'anonymous', name: 'Mobilizon Anonymous Actor', summary: 'A fake person for anonymous participations' },
  { key: 'camille', name: 'Camille Martin', summary: '<p>Bénévole à Lyon, j’organise des ateliers Mobilizon.</p>', avatar: true },
  { key: 'thomas', name: 'Thomas Girard', summary: '<p>Mécano du dimanche.</p>', avatar: true },
  { key: 'sophie', name: 'Sophie Tremblay', summary: '<p>Maker, fixer, tinkerer.</p>', avatar: true },
  { key: 'jonas', name: 'Jonas Weber', summary: '<p>Tenor und Chorleiter.</p>', avatar: true },
  { key: 'kenji', name: 'Kenji Sato', summary: '<p>Weekend hiker around Tokyo.</p>', avatar: true },
  { key: 'aroha', name: 'Aroha Ngata', summary: '<p>Tramping club coordinator.</p>' },
  { key: 'ana', name: 'Ana Souza', summary: '<p>Produtora cultural.</p>', avatar: true },
  { key: 'amira', name: 'أميرة بن علي', summary: '<p>منسقة ثقافية في تونس.</p>', avatar: true },
];

/**
 * Local groups. `language` is the main language of their events; the fixture table in README.md
 * lists the handles, which browser tests rely on.
 */
export const GROUPS = [
  {
    key: 'velo_lyon', name: 'Vélo Lyon', city: 'lyon', venue: 'maisonVelo', language: 'fr', openness: 'OPEN',
    members: 86, followers: 214, author: 'thomas',
    summary: '<p>Association lyonnaise pour le <strong>vélo au quotidien</strong> : sorties, ateliers de réparation et balades nocturnes.</p>',
  },
  {
    key: 'montreal_makers', name: 'Montréal Makers', city: 'montreal', venue: 'fablab', language: 'en', openness: 'MODERATED',
    members: 42, followers: 97, author: 'sophie',
    summary: '<p>A bilingual makerspace community. <em>Communauté bilingue</em> de bricoleuses et bricoleurs.</p>',
  },
  {
    key: 'berliner_chor', name: 'Berliner Stadtchor', city: 'berlin', venue: 'kulturbrauerei', language: 'de', openness: 'INVITE_ONLY',
    members: 58, followers: 133, author: 'jonas', manuallyApprovesFollowers: true,
    summary: '<p>Wir singen seit 1998 – <strong>Proben jeden Dienstag</strong> im Prenzlauer Berg.</p>',
  },
  {
    key: 'tokyo_hikers', name: 'Tokyo Hikers', city: 'tokyo', venue: 'yoyogi', language: 'en', openness: 'OPEN',
    members: 120, followers: 310, author: 'kenji',
    summary: '<p>Day hikes and overnight treks around Tokyo, for every level.</p>',
  },
  {
    key: 'auckland_trampers', name: 'Auckland Trampers', city: 'auckland', venue: 'library', language: 'en', openness: 'OPEN',
    members: 64, followers: 88, author: 'aroha',
    summary: '<p>Tramping in the Waitākere and Hunua ranges, and further afield.</p>',
  },
  {
    key: 'sao_paulo_cultura', name: 'Cultura SP', city: 'saoPaulo', venue: 'ccsp', language: 'pt', openness: 'MODERATED',
    members: 73, followers: 151, author: 'ana',
    summary: '<p>Agenda cultural independente de <strong>São Paulo</strong>: saraus, rodas e oficinas.</p>',
  },
  {
    key: 'tunis_culture', name: 'ثقافة تونس', city: 'tunis', venue: 'darLasram', language: 'ar', openness: 'OPEN',
    members: 39, followers: 76, author: 'amira',
    summary: '<p>أنشطة ثقافية في <strong>المدينة العتيقة</strong> بتونس: شعر، موسيقى وسينما.</p>',
  },
  {
    key: 'empty_group', name: 'Empty Group', city: 'lyon', venue: null, language: 'en', openness: 'OPEN',
    members: 1, followers: 0, author: null, noPictures: true,
    summary: '',
  },
  {
    key: 'suspended_group', name: 'Suspended Group', city: 'lyon', venue: null, language: 'en', openness: 'OPEN',
    members: 3, followers: 2, author: null, suspended: true, noPictures: true,
    summary: '<p>This group was suspended by the moderators.</p>',
  },
];

/** Remote groups this instance knows (resolvable as name@domain); their events are "shared by a followed instance". */
export const REMOTE_GROUPS = [
  {
    key: 'remote_collective', domain: 'other.example', name: 'Remote Collective', city: 'nantes', venue: 'lieuUnique',
    language: 'fr', openness: 'OPEN', members: 25, followers: 61,
    summary: '<p>Un collectif nantais sur une autre instance Mobilizon, suivie par celle-ci.</p>',
  },
];

export const TAGS = {
  velo_lyon: ['vélo', 'balade', 'mobilité douce'],
  montreal_makers: ['repair', 'makers', 'électronique'],
  berliner_chor: ['Chor', 'Musik'],
  tokyo_hikers: ['hiking', 'nature'],
  auckland_trampers: ['tramping', 'outdoors'],
  sao_paulo_cultura: ['cultura', 'música'],
  tunis_culture: ['ثقافة', 'فنون'],
};

/** Words for generated descriptions, per language. `{title}` is replaced by the event title. */
export const WORDS = {
  fr: {
    intro: ['Rejoignez-nous pour <strong>{title}</strong> !', 'Un rendez-vous <em>convivial</em> ouvert à toutes et à tous.', 'On vous attend nombreuses et nombreux pour <strong>{title}</strong>.'],
    programme: 'Au programme',
    items: ['accueil et café', 'tour de présentation', 'atelier pratique', 'pause goûter', 'échanges libres', 'rangement collectif'],
    quote: '« Le vélo, c’est la liberté à portée de pédale. »',
    link: 'Plus d’informations sur <a href="https://example.org/velo-lyon">notre site</a>.',
    outro: 'Pensez à apporter <em>de l’eau</em> et votre bonne humeur.',
  },
  en: {
    intro: ['Join us for <strong>{title}</strong>!', 'A <em>friendly</em> meetup, open to everyone.', 'Come along to <strong>{title}</strong> – beginners welcome.'],
    programme: 'What to expect',
    items: ['welcome and coffee', 'quick introductions', 'hands-on session', 'snack break', 'open discussion', 'tidy-up together'],
    quote: '“The best way to learn is to fix it yourself.”',
    link: 'More details on <a href="https://example.org/community">our website</a>.',
    outro: 'Bring <em>water</em>, good shoes and a smile.',
  },
  de: {
    intro: ['Herzliche Einladung zu <strong>{title}</strong>!', 'Ein <em>offenes</em> Treffen für alle.', 'Kommt vorbei: <strong>{title}</strong>.'],
    programme: 'Programm',
    items: ['Ankommen und Tee', 'Einsingen', 'Probe', 'Pause', 'Austausch'],
    quote: '„Wer singt, betet doppelt.“',
    link: 'Mehr auf <a href="https://example.org/chor">unserer Webseite</a>.',
    outro: 'Bitte <em>Noten</em> mitbringen.',
  },
  pt: {
    intro: ['Venha para <strong>{title}</strong>!', 'Um encontro <em>aberto</em> a todas as pessoas.', 'Participe de <strong>{title}</strong>.'],
    programme: 'Programação',
    items: ['recepção', 'apresentações', 'oficina', 'intervalo', 'conversa livre'],
    quote: '“A cultura é a alma da cidade.”',
    link: 'Saiba mais no <a href="https://example.org/cultura-sp">nosso site</a>.',
    outro: 'Entrada <em>gratuita</em>.',
  },
  ar: {
    intro: ['انضموا إلينا في <strong>{title}</strong>!', 'لقاء <em>مفتوح</em> للجميع.', 'ندعوكم إلى <strong>{title}</strong>.'],
    programme: 'البرنامج',
    items: ['استقبال وشاي', 'تقديم المشاركين', 'ورشة تطبيقية', 'استراحة', 'نقاش مفتوح'],
    quote: '«الثقافة ذاكرة المدينة.»',
    link: 'المزيد على <a href="https://example.org/tunis">موقعنا</a>.',
    outro: 'الدخول <em>مجاني</em>.',
  },
};

/** Post titles per group (2–4 each). */
export const POSTS = {
  velo_lyon: [
    ['Bienvenue au club !', 'fr'],
    ['Compte rendu de l’assemblée générale', 'fr'],
    ['Nos conseils pour rouler l’hiver', 'fr'],
  ],
  montreal_makers: [
    ['Welcome to the makerspace', 'en'],
    ['Repair Café: what we fixed this season', 'en'],
    ['Nouveaux outils à l’atelier', 'fr'],
  ],
  berliner_chor: [
    ['Neue Stimmen gesucht', 'de'],
    ['Rückblick auf das Frühjahrskonzert', 'de'],
  ],
  tokyo_hikers: [
    ['Trail etiquette in Japan', 'en'],
    ['Our favourite autumn routes', 'en'],
  ],
  auckland_trampers: [
    ['Kauri dieback: clean your boots', 'en'],
    ['Gear list for the Tongariro crossing', 'en'],
    ['New members evening recap', 'en'],
  ],
  sao_paulo_cultura: [
    ['Bem-vindos à Cultura SP', 'pt'],
    ['Como propor uma atividade', 'pt'],
  ],
  tunis_culture: [
    ['مرحبا بكم في ثقافة تونس', 'ar'],
    ['حصيلة مهرجان المدينة', 'ar'],
  ],
  remote_collective: [['Nouvelles du collectif', 'fr']],
};
