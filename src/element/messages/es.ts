import services from 'virtual:clinic-locator-services';
import { formatters } from './format.js';
import type { Messages } from './messages.js';

const locale = 'es-US';
const f = formatters(locale);
const clinics = (count: number) =>
  `${f.whole(count)} ${f.plural(count) === 'one' ? 'clínica' : 'clínicas'}`;

/** Spanish strings. */
export const es: Messages = {
  locale,
  searchLabel: 'Código postal, ciudad o nombre de la clínica',
  searchPlaceholder: 'p. ej. 49503 o Grand Rapids, MI',
  searchButton: 'Buscar',
  suggestionsLabel: 'Sugerencias',
  idle: 'Escriba un código postal, una ciudad o el nombre de una clínica para encontrar una clínica cerca de usted.',
  loading: 'Buscando…',
  resultsWithin: (count, radius, origin, nearest) =>
    `${clinics(count)} a menos de ${radius} de ${origin}; la más cercana a ${nearest}`,
  length: f.length,
  noneWithin: (radius, origin) =>
    `No hay clínicas a menos de ${radius} de ${origin}. Las más cercanas son:`,
  organizationResults: (count, organization) => `${clinics(count)} de ${organization}`,
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
  loadFailed: 'El buscador de clínicas no pudo cargar sus datos. Inténtelo más tarde.',
  number: f.whole,
  distance: f.distance,
  radius: f.radius,
  radiusLabel: 'A menos de',
  filtersLabel: 'Mostrar solo clínicas que ofrecen',
  chipLabel: (label, count) => `${label}, ${clinics(count)}`,
  telehealthFilter: 'Telesalud',
  spanishFilter: 'Personal que habla español',
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
  clinicDataFailed: 'No se pudo cargar la lista de clínicas. Inténtelo más tarde.',
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
  showMap: 'Ver mapa',
  hideMap: 'Ocultar mapa',
  filtersButton: (active) => (active ? `Filtros (${f.whole(active)})` : 'Filtros'),
  directions: 'Cómo llegar',
  directionsLabel: (name) => `Cómo llegar a ${name} (se abre en una pestaña nueva)`,
  searchPoint: (label) => (label ? `Punto de búsqueda: ${label}` : 'Punto de búsqueda'),
  cluster: (count) => `Grupo de ${f.whole(count)} clínicas, acercar`,
  tilesUnavailable: 'No se pudo cargar el fondo del mapa. La lista muestra todos los resultados.',
  skipMap: 'Saltar el mapa',
};
