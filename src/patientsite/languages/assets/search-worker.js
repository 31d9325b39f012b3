/*
 * Search as patients type, around Material's own search worker (lunr).
 *
 * Material still builds the lunr index, renders and highlights the results. We change
 * these things inside lunr, before Material uses it:
 *
 * 1. Accents: every word, in the pages and in the query, is compared without its
 *    diacritics and without a trailing "'s" (röntgenfoto's = rontgenfoto). Material
 *    highlights the positions lunr reports, so the highlight still marks "röntgen".
 * 2. The query: Material turns every typed word into a prefix ("numbness*" -> "numb*"
 *    after stemming matched "number"). We read the words ourselves instead. A word
 *    matches its stem (its inflections: zenuwen = zenuw) or, from three letters, pages
 *    words that start with the word as typed (wervel -> wervelkanaal, type-ahead);
 *    never a shortened word. The synonyms of the page's language (the build copies
 *    includes/search/<lang>.yml into the index) add the words the pages use for a word
 *    patients type (ischias -> hernia). A word of five letters or more that finds
 *    nothing is looked up again with one letter wrong, missing, extra or swapped.
 *    Several words: only pages holding all of them (in any of their sections); when no
 *    page holds all, the pages holding the most. Stop words do not count.
 * 3. Anything with lunr's own syntax (+word, -word, word~1, title:word) goes to lunr
 *    unchanged.
 * 4. Numbers: Dutch "112" and "1733" are words too (lunr's Dutch trimmer keeps letters only).
 * 5. The page a result opens highlights the words Material marked in the result
 *    ("röntgenfoto" for "rontgen", "kinesitherapeut" for "kinesist"): Material builds
 *    that highlight (the link's ?h=) from the words a result was found with.
 *
 * __MATERIAL_WORKER__ is replaced at build time by the file name of the pinned Material
 * worker in this folder.
 */
"use strict"

// Message types of Material 9.8.1's search worker.
const SETUP = 0
const RESULT = 3

// Words shorter than this are matched whole, never as the start of a longer word.
const PREFIX_MIN = 3
// Words shorter than this are never corrected for typos: too many short words are one
// letter apart.
const TYPO_MIN = 5
// A match on the word's stem counts more than a longer word that starts with it.
const STEM_BOOST = 10

let language = "en"
// Folded phrase a patient types -> lists of folded words the pages use.
let synonyms = new Map()
let longestPhrase = 1

// Most words are plain ASCII without an apostrophe: skip the costly normalisation, which
// runs for every word of every page while the index is built.
const PLAIN = /^[\x00-\x26\x28-\x7f]*$/

function fold(word) {
  if (PLAIN.test(word)) return word
  return word.normalize("NFD").replace(/\p{M}/gu, "").replace(/['’]s$/u, "")
}

function foldToken(token) {
  return token.update(fold)
}

function readSynonyms(config) {
  synonyms = new Map()
  longestPhrase = 1
  for (const [phrase, targets] of Object.entries(config.synonyms || {})) {
    const key = fold(phrase.toLowerCase())
    synonyms.set(key, targets.map(target => target.toLowerCase().split(" ").map(fold)))
    longestPhrase = Math.max(longestPhrase, key.split(" ").length)
  }
}

// True when a and b differ by at most one letter changed, added, removed or two
// neighbours swapped (the typos lunr's editDistance 1 also allows).
function oneEditApart(a, b) {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

function stopWordFilter() {
  const lunr = self.lunr
  const filter = language === "en" ? lunr.stopWordFilter : lunr[language]?.stopWordFilter
  return filter || (token => token)
}

/* Queries -------------------------------------------------------------------------- */

// The words of Material's query ("zenuwen* in* been*"), or null when the reader used
// lunr's own syntax. Material turns "non-specific" into "non-specific* non-specific*":
// split at the index's separator, and count each word once. Material lower-cases nothing;
// lunr does, so the labels that mark a word as found must be lower case too.
function plainWords(query) {
  const words = []
  for (const term of query.split(/\s+/)) {
    if (!term) continue
    const match = /^([^*+\-~^:][^*+~^:]*)\*$/u.exec(term)
    if (!match) return null
    for (const word of match[1].toLowerCase().split(self.lunr.tokenizer.separator))
      if (word && !words.includes(word)) words.push(word)
  }
  return words
}

// Group the words into slots: a phrase of the synonyms file ("slipped disc") is one
// slot, every other word its own.
function toSlots(words) {
  const folded = words.map(fold)
  const slots = []
  for (let i = 0; i < words.length; ) {
    let n = Math.min(longestPhrase, words.length - i)
    while (n > 1 && !synonyms.has(folded.slice(i, i + n).join(" "))) n--
    const key = folded.slice(i, i + n).join(" ")
    slots.push({
      labels: words.slice(i, i + n),
      alternatives: [folded.slice(i, i + n), ...(synonyms.get(key) || [])],
      typo: n === 1 && folded[i].length >= TYPO_MIN ? folded[i] : null,
    })
    i += n
  }
  return slots
}

// Hits: Map(ref -> {score, matches: Set(lunr.MatchData)}).
function toHits(results) {
  const hits = new Map()
  for (const { ref, score, matchData } of results)
    hits.set(ref, { score, matches: new Set([matchData]) })
  return hits
}

function addHits(into, hits) {
  for (const [ref, hit] of hits) {
    const known = into.get(ref)
    if (known) {
      known.score += hit.score
      for (const m of hit.matches) known.matches.add(m)
    } else {
      into.set(ref, { score: hit.score, matches: new Set(hit.matches) })
    }
  }
  return into
}

function intersectHits(a, b) {
  const both = new Map()
  for (const [ref, hit] of a) {
    const other = b.get(ref)
    if (other)
      both.set(ref, {
        score: hit.score + other.score,
        matches: new Set([...hit.matches, ...other.matches]),
      })
  }
  return both
}

class Matcher {
  constructor(index) {
    this.index = index
    this.isWord = stopWordFilter()
    this.cache = new Map()
  }

  stem(word) {
    return this.index.pipeline.runString(word)[0] || word
  }

  // Pages holding the word: its stem, or from PREFIX_MIN letters a word starting with it.
  // null for a stop word, which says nothing about a page.
  word(word) {
    if (!this.isWord(word)) return null
    if (!this.cache.has(word)) {
      const stem = this.stem(word)
      const lunr = self.lunr
      this.cache.set(word, toHits(this.index.query(q => {
        q.term(stem, { usePipeline: false, boost: STEM_BOOST })
        if (word.length >= PREFIX_MIN)
          q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING })
      })))
    }
    return this.cache.get(word)
  }

  // Pages holding every word of an alternative; null when it holds only stop words.
  alternative(words) {
    let hits = null
    for (const word of words) {
      const found = this.word(word)
      if (found) hits = hits ? intersectHits(hits, found) : found
    }
    return hits
  }

  // Pages for one slot: any of its alternatives, or else, for a long single word, the
  // synonyms and page words one typo away. null when the slot is only stop words.
  slot(slot) {
    let hits = null
    for (const words of slot.alternatives) {
      const found = this.alternative(words)
      if (found) hits = addHits(hits || new Map(), found)
    }
    if (hits && hits.size === 0 && slot.typo) hits = this.typo(slot.typo)
    return hits
  }

  typo(word) {
    const hits = new Map()
    for (const [phrase, targets] of synonyms)
      if (!phrase.includes(" ") && oneEditApart(word, phrase))
        for (const words of targets) addHits(hits, this.alternative(words) || new Map())
    const stem = this.stem(word)
    addHits(hits, toHits(this.index.query(q => {
      q.term(word, { usePipeline: false, editDistance: 1 })
      if (stem !== word) q.term(stem, { usePipeline: false, editDistance: 1 })
    })))
    return hits
  }
}

// lunr-shaped results ({ref, score, matchData}) for Material: documents of the pages that
// hold the most slots, each with every lunr match (for the highlight) and the typed
// words it matched as extra keys (Material shows a word it cannot find as "missing").
function findPages(index, words) {
  const matcher = new Matcher(index)
  const slots = toSlots(words).map(slot => ({ ...slot, hits: matcher.slot(slot) }))
  const counted = slots.filter(slot => slot.hits)
  const perPage = new Map()
  const docs = new Map()
  counted.forEach((slot, s) => {
    for (const [ref, hit] of slot.hits) {
      const page = ref.split("#")[0]
      if (!perPage.has(page)) perPage.set(page, new Set())
      perPage.get(page).add(s)
      const doc = docs.get(ref) || { score: 0, matches: new Set(), labels: [] }
      doc.score += hit.score
      for (const m of hit.matches) doc.matches.add(m)
      doc.labels.push(...slot.labels)
      docs.set(ref, doc)
    }
  })
  const most = Math.max(0, ...[...perPage.values()].map(found => found.size))
  const lunr = self.lunr
  const results = []
  for (const [ref, doc] of docs) {
    if (perPage.get(ref.split("#")[0]).size < most) continue
    const matchData = new lunr.MatchData()
    for (const m of doc.matches) matchData.combine(m)
    uniquePositions(matchData)
    const labels = doc.labels.concat(...slots.filter(slot => !slot.hits).map(s => s.labels))
    for (const label of labels)
      if (!(label in matchData.metadata)) matchData.metadata[label] = {}
    results.push({ ref, score: doc.score, matchData })
  }
  return results.sort((a, b) => b.score - a.score)
}

// A word found through two routes (as typed and through a synonym) must be marked once:
// Material's highlighter cuts the text wrongly at a repeated position.
function uniquePositions(matchData) {
  for (const fields of Object.values(matchData.metadata))
    for (const data of Object.values(fields))
      if (Array.isArray(data.position)) data.position = [...new Set(data.position)]
}

/* Hooks into lunr ----------------------------------------------------------------- */

// The trimmers of lunr's other languages keep letters only: Dutch "112" and "1733" were
// trimmed to nothing, so the numbers to call could not be found. A word with a digit in it
// loses only its punctuation ("112," -> "112"); every other word goes to the trimmer.
const WITH_DIGIT = /\p{N}/u
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu
const numberAwareTrimmers = new Map()

function keepNumbers(pipeline, lunr) {
  const trimmer = lunr[language]?.trimmer
  if (!trimmer || !pipeline._stack.includes(trimmer)) return
  if (!numberAwareTrimmers.has(trimmer)) {
    const aware = token =>
      WITH_DIGIT.test(token.toString())
        ? token.update(word => word.replace(EDGE_PUNCTUATION, ""))
        : trimmer(token)
    lunr.Pipeline.registerFunction(aware, `patientsiteTrimmer-${language}`)
    numberAwareTrimmers.set(trimmer, aware)
  }
  pipeline.after(trimmer, numberAwareTrimmers.get(trimmer))
  pipeline.remove(trimmer)
}

function installHooks(lunr) {
  lunr.Pipeline.registerFunction(foldToken, "patientsiteFold")

  // Material sets up the language's pipelines, then names the reference field, then adds
  // the pages: folding goes first in both pipelines (before the trimmer, which would cut
  // "café" to "caf" in English), and numbers keep their digits.
  const ref = lunr.Builder.prototype.ref
  lunr.Builder.prototype.ref = function (name) {
    for (const pipeline of [this.pipeline, this.searchPipeline]) {
      const first = pipeline._stack[0]
      if (first) pipeline.before(first, foldToken)
      else pipeline.add(foldToken)
      keepNumbers(pipeline, lunr)
    }
    return ref.call(this, name)
  }

  const search = lunr.Index.prototype.search
  lunr.Index.prototype.search = function (query) {
    const words = plainWords(query)
    return words && words.length ? findPages(this, words) : search.call(this, query)
  }
}

// The words marked in a result's title and text, lower case, without punctuation.
function markedWords(item) {
  const words = []
  for (const html of [item.title, item.text]) {
    if (typeof html !== "string") continue
    for (const [, inner] of html.matchAll(/<mark[^>]*>(.*?)<\/mark>/gsu)) {
      const word = inner.replace(/<[^>]*>/gu, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
      if (word && !words.includes(word.toLowerCase())) words.push(word.toLowerCase())
    }
  }
  return words
}

// Found words become the ones marked in the result; the page's own entry (which opens
// the whole page), or a section showing no mark, gets those of all the page's results.
// Words not found stay as Material shows them ("missing").
function withMarkedTerms(result) {
  for (const group of result.items || []) {
    const marked = group.map(markedWords)
    const onPage = [...new Set(marked.flat())]
    group.forEach((item, i) => {
      const whole = !String(item.location).includes("#")
      const words = marked[i].length && !whole ? marked[i] : onPage
      if (!words.length) return
      const missing = Object.entries(item.terms || {}).filter(([, found]) => !found)
      item.terms = Object.fromEntries([...words.map(word => [word, true]), ...missing])
    })
  }
  return result
}

// Material's worker answers with the global postMessage: ours runs first.
const post = self.postMessage.bind(self)
self.postMessage = message => {
  if (message && message.type === RESULT && message.data) withMarkedTerms(message.data)
  post(message)
}

// Registered before Material's listener, so it sees every message first.
addEventListener("message", ev => {
  const message = ev.data
  if (message.type === SETUP) {
    const config = message.data.config
    language = config.lang.length === 1 ? config.lang[0] : "en"
    readSynonyms(config)
  }
})

// From file:// (the offline kiosk) Material's iframe-worker shim runs this file in a hidden
// iframe instead of a Web Worker. There a relative address would be read from the page's
// address, not this file's, and importScripts loads asynchronously (it returns a Promise).
const here = self.document ? self.document.currentScript.src : self.location.href
const loaded = importScripts(new URL("__MATERIAL_WORKER__", here).href)
if (loaded instanceof Promise) loaded.then(() => installHooks(self.lunr))
else installHooks(self.lunr)
