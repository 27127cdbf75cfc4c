/**
 * Words that hint at an intent, with weights, plus "features" that only mean something in
 * combination ("уведомления" + "выключи" is unsubscribe, "уведомления" alone is settings).
 *
 * Each line is `pattern => spec`. A pattern ending in `*` is a word beginning (Russian endings
 * vary); otherwise it is an exact word or word sequence with `{a|b}` alternatives.
 * A spec is `intent:weight`, `#feature`, or both (`schedule:1 #off`).
 * A single «контрольная» (tests:0.5) loses or ties to the timetable's «когда» and is left to it: «когда
 * контрольная по химии» shows that day's lessons, the test marked; the plural, «следующая» and «на
 * контрольной» ask for the tests coming.
 * Weights: 4–5 the word names the topic (оценки, дз, расписание), 2–3 a telling verb
 * (задали, поставили), 1 a weak hint (когда, есть ли) that loses to any topic word.
 */
export const INTENT_CUES = `
оцен* => grades:3
отметк* => grades:3
отметок => grades:3
отметоч* => grades:3
пятерк* => grades:3
пятерок => grades:3
пятероч* => grades:3
четверк* => grades:3
четверок => grades:3
тройк* => grades:3
троек => grades:3
двойк* => grades:3
двоек => grades:3
двоеч* => grades:3
{кол|колы|колов} => grades:2
{5-ку|4-ку|3-ку|2-ку|5ку|4ку|3ку|2ку|5-ки|2-ки|5ки|2ки|5-ок|5ок} => grades:3
балл* => grades:2
успеваем* => grades:3
табел* => grades:3
получил* => grades:2
получ* => grades:1
поставил* => grades:2
поставят => grades:2
поставлен* => grades:2
ставят => grades:1
схлопот* => grades:2
нахват* => grades:2
схватил* => grades:2
как {учится|учился|училась|успехи} => grades:3
как дела => grades:1
как => grades:0.5
успех* => grades:1
результат* => grades:2
{grade|grades|marks|mark} => grades:4
{score|scores|report card} => grades:3
{results|got} => grades:2
{1|2|3|4|5} {по|за} => grades:2
за что => grades:1
how am i doing => grades:3

средн* => average:5
{выходит|выйдет|выходят|выйдут|выходило|выходила|выходить} => average:4
{average|averages|avg|gpa|mean} => average:5
{on track|heading for|trending} => average:3

итогов* => final-grades:5
четвертн* => final-grades:5
годов* => final-grades:5
триместров* => final-grades:4
полугодов* => final-grades:4
{вышли|вышла|вышло|выставили|выставлены|выставлена|выставят|выставил|выставила} => final-grades:3
{final|finals|annual|yearly|end of term|end-of-term} => final-grades:5
{term grades|term marks|quarter grades|report card grades} => final-grades:4

{чтобы|чтоб} {вышла|вышло|вышел|была|было|был|получить|получилась|получилось|исправить|закрыть|выйти|вытянуть} => needed:6
{нужно|надо|нужна|нужны|нужен|не хватает} для => needed:6
{нужно|надо} {чтобы|чтоб} => needed:7
{чтобы|чтоб} => needed:3
{нужно|надо} {получить|исправить|вытянуть} => needed:6
{вытянуть|исправить|натянуть} => needed:3
{need to get|needs to get|need for|needs for|need to raise|to get an|to get a|to reach|to bring up} => needed:6
{how many fives|how many more} => needed:4

{какие|какую|какой|какая} {темы|тему|тема} => topics:6
{темы|тему|темам|темах} => topics:3
подтянуть => topics:2
слаб* => topics:3
проблемн* => topics:2
{topic|topics} => topics:5
{график|графики|графиком|графику|графиков|графиках} => chart:6
диаграмм* => chart:6
{chart|charts|graph|graphs|plot} => chart:6
график {уроков|занятий|звонков} => schedule:8
{weak|weakest|weakness|weaknesses|struggling|struggles|struggle|brush up|work on} => topics:4

дз => homework:4
{д/з|д.з|д з|дзшка|дзшку|домашку|дз-шку} => homework:4
домашк* => homework:4
домаш* => homework:3
задани* => homework:3
зада* => homework:2
на дом => homework:3
{делать|сделать|доделать|сделал|сделала} {уроки|урок} => homework:3
{надо|нужно|нужно ли|надо ли} {сделать|делать|выучить|учить|прочитать|решить|написать} => homework:3
{делать|сделать} => homework:1
упражнени* => homework:1
параграф* => homework:1
{выучить|учить|прочитать|читать|решить|выполнить} => homework:1
{homework|homeworks|hw|home work} => homework:4
assignment* => homework:4
{assigned|assign} => homework:3
due => homework:2
task* => homework:2
{worksheet|worksheets} => homework:2
{exercise|exercises|essay} => homework:1

расписа* => schedule:4
распис => schedule:4
расп => schedule:3
урок* => schedule:1
{какие|сколько|какой|первый|первым} {уроки|уроков|урок|урока} => schedule:3
{во сколько|ко скольки|к скольки|в котором часу} => schedule:3
на сколько => schedule:2
{есть ли|будет ли|будут ли} => schedule:1
{когда|будет|будут|есть} => schedule:1
начина* => schedule:2
заканчива* => schedule:2
конча* => schedule:2
звонк* => schedule:2
кабинет* => schedule:2
замен* => schedule:2
отмен* => schedule:1 #off
учимся => schedule:2
заняти* => schedule:2
{schedule|timetable|schedules} => schedule:4
{classes|lessons} => schedule:3
{class|lesson|period|periods|when|room} => schedule:1
what time => schedule:3
{do i have|is there|are there|will there be|do we have} => schedule:1
{start|starts|begin|begins|finish|finishes|end|ends|closed} => schedule:1

баланс* => balance:4
столов* => balance:4
питани* => balance:4
на {карте|карту|карточке|счету|счете} => balance:3
{денег|деньги|деньгами} => balance:3
обед* => balance:3
завтрак* => balance:3
буфет* => balance:3
пополн* => balance:3
потрат* => balance:3
потрач* => balance:3
на еду => balance:2
{рублей|рубля|руб} => balance:2
лицев* => balance:2
{balance|canteen|cafeteria} => balance:4
{lunch|meal|meals|money|funds|top up|lunch money} => balance:3
{spent|spend|food} => balance:2

подпиш* => #subscribe
подписат* => #subscribe
подписыв* => #subscribe
{subscribe|sign me up|opt in} => #subscribe
отпиш* => #unsubscribe
отписат* => #unsubscribe
отписыв* => #unsubscribe
отписк* => #unsubscribe
{unsubscribe|unsub|opt out} => #unsubscribe
уведомлен* => #notify
оповещен* => #notify
алерт* => #notify
рассылк* => #notify
пуш* => #notify
подписк* => #notify
{notification|notifications|alert|alerts|push|updates} => #notify
присыла* => #send
уведомля* => #send
оповеща* => #send
сообща* => #send
информируй => #send
{хочу|хотим|хотела|хотел} получать => #send
{notify|keep me posted|keep me updated|let me know|tell me when|message me|text me|ping me} => #send
{send|sending|присылать|слать|шли|получать} => #sendweak
включ* => #on
активир* => #on
оформ* => #on
{enable|turn on|switch on|activate} => #on
{хочу|хотим|хотела|хотел|want} => #on
выключ* => #off
отключ* => #off
деактив* => #off
{убери|уберите} => #off
{disable|turn off|switch off|mute|cancel|deactivate|silence} => #off
{не|dont|do not|no|never} => #neg
{не надо|не нужно|не нужны|не нужен|больше не нужны} => #unwanted
{хватит|стоп|stop|quit|enough} => #stop
прекрат* => #stop
переста* => #stop

{забудь|забудьте|забыть|forget} => #forget
удал* => #delete
{сотри|сотрите|стереть|delete|remove|erase|wipe} => #delete
данн* => #personal
{меня|мой|мои|мою|аккаунт|аккаунта|профиль|профиля} => #personal
учетн* => #personal
информаци* => #personal
{data|account|me|my|profile|information|info} => #personal
согласи* => #consent
consent => #consent
{отзыв|отзываю|отозвать|отозвала|отозвал|withdraw|revoke} => #revoke

привяз* => link:5
привяж* => link:5
{код|кода|коду|кодом|code} => link:3
{link|linking|pair} => link:5
connect => link:3
подключ* => link:2 #add
добав* => #add
add => #add
ребен* => #child
{дети|детей|детям|сын|сына|сыну|дочь|дочка|дочку|дочери|child|kid|kids|son|daughter|children} => #child

настро* => settings:4
параметр* => settings:3
тих{ие|их|им|ий} час{ы|ов|ам} => settings:4
дайджест* => settings:3
режим* => settings:2
часов{ой|ого} пояс{|а} => settings:3
язык => settings:1.5
{поменять|поменяй|изменить|измени} => settings:1
{settings|setting|preferences|quiet hours} => settings:4
{options|configure|time zone|timezone|digest} => settings:3
language => settings:2

календар* => calendar:5
{calendar|ical|icalendar} => calendar:5

незаполн* => journal:5
заполн* => journal:5
журнал* => journal:3
без {темы|тем|отметок посещаемости|посещаемости} => journal:3
{unfilled|incomplete|journal|register} => journal:4
{filled in|fill in|filled out|not filled} => journal:5

отлож* => snooze:4
{напомни|напомните|напомнить} => snooze:2
не {напоминай|напоминайте|напоминать} => snooze:4
{snooze|postpone} => snooze:5
{remind me|remind me later} => snooze:3
{reminder|reminders} => snooze:1

{пришел|пришла|приходил|приходила|дошел|дошла|дошли|добрался|добралась} => presence:4
пришли => presence:1
{пришли|ушли|вышли} {в школу|из школы|в школе} => presence:5
{ушел|ушла|ушли|уходил|уходила|вышел из школы|вышла из школы|вышли из школы} => presence:4
{в школе|в школу|из школы|до школы|со школы} => presence:1
турникет* => presence:5
москвен* => presence:5
{проход|проходы|проходов|проходу|прохода|проходам|проходах} => presence:4
{at school|in school|to school|from school|the school} => presence:3
{arrived|arrive|arrives|arriving|checked in} => presence:3
{left|leave|leaves|leaving|gone home|went home|checked out} => presence:3
{turnstile|turnstiles|swiped|badge|badged} => presence:4

пропуск* => absences:5
пропуст* => absences:5
пропущ* => absences:5
прогул* => absences:5
опозда* => absences:5
опаздыва* => absences:5
посещаем* => absences:5
посещени* => absences:4
присутствова* => absences:3
отсутств* => absences:4
неявк* => absences:4
{нки|н-ки|энки|энок|нок} => absences:4
{absent|absence|absences|absentee} => absences:5
{miss|missed|misses} => absences:5
{late|lateness|tardy|tardies|tardiness|latecomer} => absences:4
{attendance|attend|attended|attending|skipped|skip|skipping|truant|truancy} => absences:5

{контрольная|контрольную|контрольной|контрольная работа} => tests:0.5
{контрольные|контрольных|контрольным|контрольными|контрольных работ|контрольные работы} => tests:5
{следующая|ближайшая|следующую|ближайшую|очередная|очередную} {контрольная|контрольную|контрольная работа|проверочная|самостоятельная} => tests:6
{что будет на|что на|что в} {контрольной|проверочной|самостоятельной} => tests:6
на контрольной => tests:3
проверочн* => tests:4
самостоятельн* => tests:3
{тесты|тестов|тестирование|срезы|диктанты|диктантов} => tests:3
{test|tests|quiz|quizzes|exam|exams} => tests:2
{next test|next quiz|next exam|upcoming test|upcoming tests|upcoming exams|any tests|tests coming up} => tests:5
{what on|whats on|what is on|what will be on|what going to be on} {the|my|her|his|their} {test|quiz|exam} => tests:6

мероприят* => events:6
{событие|события|событий} => events:5
{что будет|что происходит|что проходит|что пройдет|что намечается|что интересного} в школе => events:5
{интересного|намечается|намечаются} => events:3
{праздник|праздники|концерт|концерты|экскурсия|экскурсии|ярмарка|ярмарки|линейка|собрание|собрания|соревнования|турнир|день открытых дверей} => events:4
{event|events|school events|what happening|what is happening|what going on|what is going on|what on at school} => events:5
{concert|concerts|trip|trips|field trip|fair|open day|tournament|assembly|match|parents evening} => events:3

помощ* => help:3
{помоги|помогите} => help:1
справк* => help:3
{умеешь|умеете|умеет} => help:4
можешь => help:1
как {пользоваться|тобой пользоваться|это работает|ты работаешь|работает} => help:4
инструкци* => help:3
команд* => help:3
{хелп|help|commands|instructions} => help:3
{привет|приветик|хай|здравствуй|здравствуйте|hello|hi|hey|меню|menu|старт|начать} => help:1
{что ты такое|кто ты|ты кто|who are you} => help:3
{what can you do|what can i ask|what can i say|what do you do} => help:5
{how does this work|how does it work|how do i use|how to use} => help:4
`;
