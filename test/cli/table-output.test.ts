import { formatTable } from '../../cli/table-output';

// `dnevnik list` output: columns a person can read, CSV a spreadsheet reads back unchanged.

const HEADER = ['id', 'name', 'students'];
const ROWS = [
  ['s1', 'Школа № 5', 30],
  ['s2', 'Лицей "Вектор", корпус 2', 4],
];

describe('formatTable', () => {
  it('text: columns padded to the widest cell (counted in characters), no trailing spaces', () => {
    expect(formatTable(HEADER, ROWS, 'text')).toBe(
      [
        'id  name                      students',
        's1  Школа № 5                 30',
        's2  Лицей "Вектор", корпус 2  4',
        '',
      ].join('\n'),
    );
  });

  it('text: a line break inside a cell does not break the row', () => {
    expect(formatTable(['id', 'name'], [['a', 'two\nlines']], 'text')).toBe('id  name\na   two lines\n');
  });

  it('csv: a header, then rows; commas, quotes and line breaks quoted as RFC 4180 says', () => {
    expect(formatTable(HEADER, [...ROWS, ['s3', 'two\r\nlines', 0]], 'csv')).toBe(
      'id,name,students\ns1,Школа № 5,30\ns2,"Лицей ""Вектор"", корпус 2",4\ns3,"two\r\nlines",0\n',
    );
  });
});
