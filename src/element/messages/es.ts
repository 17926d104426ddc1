import services from 'virtual:clinic-locator-services';
import { formatters } from './format.js';
import type { Messages } from './messages.js';

const locale = 'es-US';
const f = formatters(locale);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const clinics = (count: number) =>
  `${f.whole(count)} ${f.plural(count) === 'one' ? 'clínica' : 'clínicas'}`;

/** Spanish strings. */
export const es: Messages = {
  locale,
  dir: 'ltr',
  searchLabel: 'Código postal, ciudad o nombre de la clínica',
  searchPlaceholder: 'p. ej. 49503 o Grand Rapids, MI',
  searchButton: 'Buscar',
  suggestionsLabel: 'Sugerencias',
  idle: 'Escriba un código postal, una ciudad o el nombre de una clínica para encontrar una clínica cerca de usted.',
  loading: 'Buscando…',
  resultsWithin: (count, radius, origin, nearest, filters) =>
    `${clinics(count)}${filters ? ` ${filters},` : ''} a menos de ${radius} de ${origin}; la más cercana a ${nearest}`,
  length: f.length,
  noneWithin: (radius, origin, filters, organization) =>
    `No hay ${organization ? `ninguna clínica de ${organization}` : 'clínicas'}${filters ? ` ${filters},` : ''} a menos de ${radius} de ${origin}. Las más cercanas son:`,
  filtersPhrase: (on) => {
    const parts: string[] = [];
    if (on.services.length) parts.push(`que ofrecen ${f.and(on.services.map(lowerFirst))}`);
    if (on.insurance) parts.push(`que aceptan ${on.insurance}`);
    if (on.acceptingNew) parts.push('que aceptan pacientes nuevos');
    if (on.wheelchair) parts.push('con entrada accesible en silla de ruedas');
    if (on.telehealth) parts.push('con consultas por telesalud');
    if (on.languages.length) parts.push(`con personal que habla ${f.and(on.languages)}`);
    return parts.join(', ');
  },
  languageName: (code) => lowerFirst(f.languageName(code)),
  languageFilter: (language) => `Personal que habla ${language}`,
  acceptingFilter: 'Acepta pacientes nuevos',
  wheelchairFilter: 'Accesible en silla de ruedas',
  insuranceFilter: 'Su seguro',
  anyPlan: 'Cualquier plan',
  showingResultsFor: (place) => `Resultados para ${place}`,
  currentLocation: 'Ubicación actual',
  viewLabel: 'Ver las clínicas como',
  listView: 'Lista',
  mapView: 'Mapa',
  mapCardHint: 'Elija un número en el mapa para ver esa clínica aquí.',
  selectedAnnouncement: (rank, name, distance) =>
    `${rank}. ${name}${distance ? `, ${distance}` : ''}`,
  widerRadius: (radius) => `Buscar a menos de ${radius}`,
  showTelehealth: 'Mostrar clínicas con consultas por telesalud',
  organizationList: (count, organization) =>
    `${clinics(count)} de ${organization}, por estado y ciudad. Escriba un código postal o una ciudad para ver las más cercanas.`,
  radiusNotApplicable: 'La distancia no se aplica a la lista de clínicas de una organización.',
  clinicStatus: (status) =>
    ({
      'temporarily-closed': 'Cerrada temporalmente',
      'opening-soon': 'Abre pronto',
      'telehealth-only': 'Solo consultas por telesalud',
    })[status],
  acceptingNewPatients: 'Acepta pacientes nuevos',
  accepts: (plans, more) => `Acepta ${f.and(more ? [...plans, `${f.whole(more)} más`] : plans)}`,
  details: 'Detalles',
  detailsLabel: (name) => `Detalles de ${name}`,
  plansLabel: 'Planes de seguro aceptados',
  checkPlan: 'Confirme con la clínica que acepta su plan.',
  share: 'Compartir',
  shareLabel: (name) => `Compartir un enlace a ${name}`,
  linkCopied: 'Enlace copiado',
  copyThisLink: 'Copie este enlace:',
  report: 'Informar de un error',
  reportLabel: (name) => `Informar de un error en los datos de ${name} (se abre en otra pestaña)`,
  notAcceptingNewPatients: 'No acepta pacientes nuevos',
  accessLabel: 'Accesibilidad',
  accessFeature: (id) =>
    ({
      'wheelchair-entrance': 'Entrada accesible en silla de ruedas',
      'accessible-parking': 'Estacionamiento accesible',
      'accessible-restroom': 'Baño accesible',
      elevator: 'Ascensor',
      'public-transit': 'Cerca del transporte público',
    })[id],
  touchHint: 'Use dos dedos para mover el mapa',
  scrollHint: 'Use Ctrl + rueda del ratón para acercar el mapa',
  backToResults: 'Mostrar todos los resultados',
  approximate: (zip, area) =>
    `El código postal ${zip} no está en nuestra lista, así que las distancias son aproximadas, medidas desde la zona ${area}.`,
  noClinics: 'No hay clínicas para mostrar.',
  emptyQuery: 'Escriba un código postal, una ciudad o el nombre de una clínica, por ejemplo 49503.',
  unknownZip: (zip) =>
    `No encontramos el código postal ${zip}. Revise el número e inténtelo de nuevo.`,
  notUnderstood: (input) =>
    `No encontramos «${input}». Pruebe con un código postal, una ciudad y su estado (como Grand Rapids, MI) o el nombre de una clínica.`,
  choosePlace: (count) => `Hay ${f.whole(count)} lugares con ese nombre. ¿Cuál busca?`,
  also: 'También:',
  chooseMeaning: '¿Cuál busca?',
  notFound: (name, choices) =>
    `No encontramos ${name}.${choices ? ' ¿Quiso decir:' : ' Revise cómo se escribe o escriba su código postal.'}`,
  noneThere: (organization, place) =>
    `${organization} no tiene clínicas en ninguna ciudad llamada ${place}. Escriba un código postal u otra ciudad.`,
  needsPlace: 'Ahora escriba un código postal o una ciudad para ver las clínicas más cercanas.',
  stateList: (count, state) =>
    `${clinics(count)} en ${state}, primero las más cercanas a su centro. Escriba un código postal o una ciudad para ver distancias.`,
  noneInState: (state) =>
    `No hay clínicas en ${state}. Escriba un código postal o una ciudad para encontrar la más cercana.`,
  outsideUs: (distance) =>
    `Parece que está fuera de Estados Unidos. La clínica más cercana está a ${distance}.`,
  loadFailed: 'El buscador de clínicas no pudo cargar sus datos. Inténtelo más tarde.',
  number: f.whole,
  distance: f.distance,
  radius: f.radius,
  radiusLabel: 'A menos de',
  filtersLabel: 'Mostrar solo clínicas que ofrecen',
  chipLabel: (label, count) => `${label}, ${clinics(count)}`,
  telehealthFilter: 'Telesalud',
  showMore: 'Mostrar más clínicas',
  showing: (shown, total) => `Se muestran ${f.whole(shown)} de ${f.whole(total)}`,
  resultsLabel: 'Clínicas',
  mapLabel: 'Mapa de clínicas',
  locateButton: 'Usar mi ubicación',
  locating: 'Buscando su ubicación…',
  yourLocation: 'su ubicación',
  locateDenied:
    'No permitió que esta página use su ubicación. Escriba un código postal o una ciudad.',
  locateTimeout:
    'Encontrar su ubicación tardó demasiado. Inténtelo de nuevo o escriba un código postal o una ciudad.',
  locateUnavailable:
    'Su ubicación no está disponible en esta página. Escriba un código postal o una ciudad.',
  locateNotFound: 'No se pudo encontrar su ubicación. Escriba un código postal o una ciudad.',
  call: (name) => `Llamar a ${name}`,
  website: (name) => `Sitio web de ${name} (se abre en una pestaña nueva)`,
  websiteText: 'Sitio web',
  zipCredit: 'Datos de códigos postales',
  loadingClinics: 'Cargando clínicas…',
  clinicDataFailed: 'No se pudo cargar la lista de clínicas. Revise su conexión y busque de nuevo.',
  clinicDataSlow:
    'La lista de clínicas tardó demasiado en cargar. Busque de nuevo para volver a intentarlo.',
  clinicDataBroken:
    'La lista de clínicas de esta página no se puede leer, así que el buscador no puede mostrar clínicas aquí. Avise al responsable del sitio.',
  noMatches: 'Ninguna clínica cumple estos filtros.',
  servicesLabel: 'Servicios',
  serviceLabel: (id) => {
    const service = services.find((s) => s.id === id);
    return service?.label_es ?? service?.label ?? id;
  },
  telehealth: 'Ofrece telesalud',
  languages: (codes) => `Idiomas: ${f.languageNames(codes)}`,
  book: 'Pedir cita',
  bookLabel: (name) => `Pedir cita en ${name} (se abre en una pestaña nueva)`,
  openNow: (closes) => `Abierto ahora · cierra a las ${closes}`,
  open24h: 'Abierto las 24 horas',
  closedOpens: (time, weekday) => `Cerrado · abre ${weekday ? `el ${weekday} ` : ''}a las ${time}`,
  closed: 'Cerrado',
  closedToday: (next) =>
    `Cerrado hoy (día festivo)${next ? ` · ${next.replace(/^Cerrado · /, '')}` : ''}`,
  specialHoursToday: (hours) => `Horario especial hoy: ${hours}`,
  shortDate: f.shortDate,
  showMap: 'Ver mapa',
  hideMap: 'Ocultar mapa',
  filtersButton: (active) => (active ? `Filtros (${f.whole(active)})` : 'Filtros'),
  directions: 'Cómo llegar',
  directionsLabel: (name) => `Cómo llegar a ${name} (se abre en una pestaña nueva)`,
  searchPoint: (label) => (label ? `Punto de búsqueda: ${label}` : 'Punto de búsqueda'),
  cluster: (count) => `Grupo de ${f.whole(count)} clínicas, acercar`,
  tilesUnavailable: 'No se pudo cargar el fondo del mapa. La lista muestra todos los resultados.',
  skipMap: 'Saltar el mapa',
  mapUnavailable:
    'El mapa no se puede mostrar en esta página. La lista muestra todos los resultados.',
  previousResults: 'Los resultados de abajo son de su búsqueda anterior.',
};
