/**
 * First names an English-speaking parent might say, including the Latin spellings of Russian
 * names (Alexa users in Russian families say "Masha's grades"). Keys are lower case because
 * voice transcripts are; words that are also common English ("mark", "will", "may", "art",
 * "grace", "hope", "bill") are left out.
 */
const NAMES = `
Masha Sasha Pasha Misha Dasha Petya Kolya Vanya Katya Anya Sonya Liza Lisa Nastya Olya Tanya Dima Vova Lena
Zhenya Ksyusha Yulia Yulya Julia Polina Alina Arina Nikita Ivan Egor Yegor Artem Artyom Maxim Maksim Denis Kirill
Ilya Timur Gleb Sergey Sergei Andrey Andrei Alexey Alexei Dmitry Dmitri Mikhail Alexander Alexandra Anastasia Daria
Darya Ekaterina Elizaveta Victoria Viktoria Veronika Varvara Milana Alisa Kira Yana Vika Ulyana Sofia Sofiya Sonia
Matvey Timofey Roman Stepan Fedor Fyodor Lyosha Alyosha Seryozha Kostya Grisha Tyoma Styopa Ksenia Kseniya Marina
Emma Olivia Ava Sophia Sophie Isabella Mia Amelia Harper Evelyn Abigail Emily Ella Elizabeth Lily Chloe Zoe Lucy
Sarah Hannah Anna Kate Katie Ellie Ruby Jessica Charlotte Alice Megan Amy Molly Jenny Annie Mary Susan Maria Natalie
Liam Noah Oliver Elijah James William Benjamin Lucas Henry Mason Michael Ethan Daniel Jacob Logan Jackson Sebastian
Jack Aiden Owen Samuel Matthew Joseph John David Leo Luke Ryan Nathan Tom Tommy Thomas Ben Sam Max Alex Peter Pete
George Harry Charlie Josh Joshua Adam Andrew Chris Nick Tim Tony Mike Dan Danny Jake Kevin Eric Paul Steve Simon
Oscar Freddie Alfie Archie Isaac Theo Arthur Edward Poppy Freya Isla Evie Phoebe Daisy Ivy Layla
`;

export const EN_NAMES = new Map<string, string>();
for (const name of NAMES.split(/\s+/)) if (name) EN_NAMES.set(name.toLowerCase(), name);

/** Capitalised words that are not names even after "for"/"did" (weekdays and months are claimed earlier). */
export const EN_NOT_NAMES = new Set([
  'i',
  'me',
  'my',
  'mine',
  'we',
  'us',
  'you',
  'he',
  'she',
  'they',
  'them',
  'it',
  'the',
  'a',
  'an',
  'this',
  'that',
  'today',
  'tomorrow',
  'yesterday',
  'school',
  'class',
  'teacher',
  'mom',
  'mum',
  'dad',
  'son',
  'daughter',
  'kid',
  'kids',
  'child',
  'children',
  'alexa',
  'diary',
  'please',
  'what',
  'when',
  'how',
  'who',
  'which',
  'there',
  'here',
  'homework',
  'grades',
  'grade',
  'marks',
  'schedule',
  'timetable',
  'lunch',
  'balance',
  'week',
  'next',
  'last',
]);
