// Interface strings in English and Arabic; the page turns right-to-left in Arabic.
const S = {
  en: {
    'nav.explore': 'Explore', 'nav.try': 'Try it',
    'f.actor': 'Actor', 'f.country': 'Country', 'f.root': 'CAMEO root', 'f.quad': 'Quad class', 'f.from': 'From',
    'f.to': 'To', 'f.q': 'Text', 'f.apply': 'Apply', 'f.reset': 'Reset', 'f.any': 'any',
    'p.network': 'Actor network', 'p.timeline': 'Cooperation and conflict over time', 'p.map': 'Where',
    'p.events': 'Events', 'p.more': 'More',
    'quad.1': 'verbal cooperation', 'quad.2': 'material cooperation', 'quad.3': 'verbal conflict', 'quad.4': 'material conflict',
    'col.date': 'Date', 'col.source': 'Who', 'col.action': 'Did what', 'col.target': 'To whom', 'col.place': 'Where',
    'col.mentions': 'Reports',
    'ev.goldstein': 'Goldstein', 'ev.mentions': 'Reports of this event', 'ev.why': 'Why: the rules that fired',
    'ev.open_doc': 'Open the article', 'ev.confidence': 'confidence', 'ev.rule': 'Rule', 'ev.line': 'Data line',
    'doc.excerpt': 'This document was stored before the store kept whole texts: the sentences that reported events are shown, re-coded to mark every actor, action, place and date.',
    'doc.events': 'Events in this article', 'doc.stored': 'stored event',
    'legend.source': 'source actor', 'legend.target': 'target actor', 'legend.actor': 'actor (dictionary)',
    'legend.trigger': 'action (trigger)', 'legend.place': 'place', 'legend.date': 'date',
    't.title': 'Try it: code a text', 't.hint': 'Type or paste Arabic or English news text. It is coded as you type; nothing is stored.',
    't.date': 'Date', 't.code': 'Code', 't.events': 'events', 't.none': 'No event found.',
    'empty': 'Nothing matches these filters.', 'loading': 'Loading…', 'error': 'Error',
    'net.note': 'top dyads; click an actor to filter', 'events.note': 'newest first; click a row',
    'foot': 'Map outlines: Natural Earth (public domain). Data: your hadath event store.',
  },
  ar: {
    'nav.explore': 'استكشاف', 'nav.try': 'جرّب',
    'f.actor': 'الفاعل', 'f.country': 'البلد', 'f.root': 'جذر CAMEO', 'f.quad': 'الفئة', 'f.from': 'من',
    'f.to': 'إلى', 'f.q': 'نص', 'f.apply': 'تطبيق', 'f.reset': 'إعادة', 'f.any': 'الكل',
    'p.network': 'شبكة الفاعلين', 'p.timeline': 'التعاون والنزاع عبر الزمن', 'p.map': 'أين',
    'p.events': 'الأحداث', 'p.more': 'المزيد',
    'quad.1': 'تعاون لفظي', 'quad.2': 'تعاون مادي', 'quad.3': 'نزاع لفظي', 'quad.4': 'نزاع مادي',
    'col.date': 'التاريخ', 'col.source': 'من', 'col.action': 'فعل ماذا', 'col.target': 'بمن', 'col.place': 'أين',
    'col.mentions': 'التقارير',
    'ev.goldstein': 'مقياس غولدستين', 'ev.mentions': 'التقارير عن هذا الحدث', 'ev.why': 'لماذا: القواعد التي طُبّقت',
    'ev.open_doc': 'افتح المقال', 'ev.confidence': 'الثقة', 'ev.rule': 'القاعدة', 'ev.line': 'سطر البيانات',
    'doc.excerpt': 'خُزّنت هذه الوثيقة قبل أن يحفظ المخزن النصوص كاملة: تُعرض الجمل التي أوردت أحداثًا، وتُرمَّز من جديد لتمييز كل فاعل وفعل ومكان وتاريخ.',
    'doc.events': 'أحداث هذا المقال', 'doc.stored': 'الحدث المخزَّن',
    'legend.source': 'الفاعل المصدر', 'legend.target': 'الفاعل الهدف', 'legend.actor': 'فاعل (من المعجم)',
    'legend.trigger': 'الفعل', 'legend.place': 'مكان', 'legend.date': 'تاريخ',
    't.title': 'جرّب: رمّز نصًا', 't.hint': 'اكتب أو الصق نص خبر بالعربية أو الإنجليزية، يُرمَّز أثناء الكتابة ولا يُحفظ شيء.',
    't.date': 'التاريخ', 't.code': 'رمّز', 't.events': 'أحداث', 't.none': 'لم يُعثر على حدث.',
    'empty': 'لا شيء يطابق هذه المرشحات.', 'loading': 'جارٍ التحميل…', 'error': 'خطأ',
    'net.note': 'أكثر الثنائيات؛ انقر فاعلًا للتصفية', 'events.note': 'الأحدث أولًا؛ انقر صفًا',
    'foot': 'حدود الدول: Natural Earth (ملكية عامة). البيانات: مخزن أحداث hadath.',
  },
};

let lang = localStorage.getItem('hadath-lang') || ((navigator.language || '').startsWith('ar') ? 'ar' : 'en');

export function t(key) { return (S[lang] && S[lang][key]) || S.en[key] || key; }
export function currentLang() { return lang; }

export function applyLang(next) {
  if (next) { lang = next; localStorage.setItem('hadath-lang', lang); }
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  const b = document.getElementById('lang');
  if (b) b.textContent = lang === 'ar' ? 'English' : 'عربي';
}
