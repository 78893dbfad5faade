// The e-KTP, 85.6 × 54 mm: PROVINSI and KABUPATEN/KOTA centred at the top, the NIK line in large
// digits, a column of labels with colons, the photo at the right with the issuing town, the issue date
// and the holder's signature under it. Values are upper case as printed (titles kept, address with its
// dots and numbers, RT/RW as "007/003").
import type { FieldValue } from '../../../src/shared/domain/documents';
import { jitter, makeDoc, type RealCtx } from './context';
import type { Resident } from './household';
import { PT, type ColonStyle, type TextStyle } from './kit';
import { photo, signature } from './marks';
import { addDays } from '../people';
import { GENDER_TEXT, writeDate } from './print';
import { CARD, type RealDoc } from './sheet';

export function ktp(c: RealCtx, who: Resident): RealDoc {
  const { rng, home } = c;
  const a = home.address;
  const font = rng.pick(['Liberation Sans', 'Liberation Sans', 'DejaVu Sans Condensed', 'Liberation Sans Narrow', 'DejaVu Sans']);
  const nikFont = rng.pick(['Liberation Mono', 'DejaVu Sans Mono', 'Liberation Sans', 'Noto Sans Mono']);
  const colon: ColonStyle = rng.pick(['column', 'column', 'column', 'column', 'tight', 'spaced']);
  const size = jitter(rng, 6.3, 0.07);
  const ttlLabel = rng.pick(['Tempat/Tgl Lahir', 'Tempat/Tgl. Lahir', 'Tempat/Tgl Lahir']);
  const kelLabel = rng.pick(['Kel/Desa', 'Kel/Desa', 'Kel./Desa']);
  const golLabel = rng.pick(['Gol. Darah', 'Gol Darah', 'Gol. Darah']);
  const gol = who.golDarah === 'TIDAK TAHU' ? '-' : who.golDarah;
  const lifetime = rng.chance(0.88);
  const validUntil = `${Number(who.tanggal_lahir.slice(0, 4)) + rng.int(20, 45)}${who.tanggal_lahir.slice(4)}`;
  const issued = addDays('2012-01-01', rng.int(0, 14 * 365));
  const dob = writeDate(who.tanggal_lahir, 'dd-mm-yyyy');
  const colour = rng.chance(0.75);
  const truth: Record<string, FieldValue> = {
    provinsi: a.provinsi,
    kabupaten_kota: a.kabupaten,
    nik: who.nik,
    nama: who.titled,
    tempat_lahir: who.tempat_lahir,
    tanggal_lahir: who.tanggal_lahir,
    jenis_kelamin: who.jenis_kelamin,
    alamat: a.street,
    rt_rw: a.rtrw,
    kel_desa: a.kelurahan,
    kecamatan: a.kecamatan,
    agama: who.agama,
    status_perkawinan: who.statusKawin,
    pekerjaan: who.pekerjaan,
    kewarganegaraan: 'WNI',
    berlaku_hingga: lifetime ? 'SEUMUR HIDUP' : validUntil,
  };
  if (gol !== '-') truth.golongan_darah = gol;
  return makeDoc(c, { type: 'ktp', variant: `ktp/e-ktp${colour ? '' : '-faded'}`, kind: 'card', size: CARD, truth, paper: colour ? '#dcebf7' : '#eef1f3' }, [
    (k) => {
      const ctx = k.ctx;
      // Guilloche: fine wavy lines behind the print, as on the card's security background.
      ctx.save();
      ctx.strokeStyle = colour ? 'rgba(120,160,205,0.35)' : 'rgba(150,160,170,0.25)';
      ctx.lineWidth = 0.12;
      for (let i = 0; i < 16; i++) {
        ctx.beginPath();
        for (let x = 0; x <= CARD[0]; x += 1) {
          const y = 4 + i * 3.3 + Math.sin(x / 6 + i) * 1.4;
          if (x === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        }
        ctx.stroke();
      }
      ctx.restore();
      const head: TextStyle = { size: size * 1.22, font, bold: true, align: 'center' };
      k.text(`PROVINSI ${a.provinsi}`, 42.8, 4.6, head);
      k.text(a.kabupaten, 42.8, 8.2, head);
      const nikSt: TextStyle = { size: size * 1.6, font: nikFont, bold: true };
      k.text('NIK', 3, 13.2, nikSt);
      k.text(':', 17.5, 13.2, nikSt);
      k.text(who.nik, 20.6, 13.2, { ...nikSt, size: size * (nikFont.includes('Mono') ? 1.62 : 1.75) });
      const step = size * PT * 1.32;
      let y = 17.3;
      const put = (label: string, value: string, indent = 0, max = 62 - 23.6 - 3): void => {
        const labelEnd = k.text(label, 3 + indent, y, { size, font });
        const colonX = colon === 'column' ? 3 + 23.6 - 1.2 : colon === 'tight' ? labelEnd + 0.3 : labelEnd + 0.9;
        k.text(':', colonX, y, { size, font });
        const vx = Math.max(3 + 23.6, colonX + 1.3);
        k.fitted(value, vx, y, max - (vx - 26.6), { size, font });
        y += step;
      };
      put('Nama', who.titled);
      put(ttlLabel, `${who.tempat_lahir}, ${dob}`);
      const sexEnd = k.text('Jenis Kelamin', 3, y, { size, font });
      k.text(':', colon === 'column' ? 25.4 : sexEnd + (colon === 'tight' ? 0.3 : 0.9), y, { size, font });
      k.text(GENDER_TEXT[who.jenis_kelamin], colon === 'column' ? 26.6 : sexEnd + 2.4, y, { size, font });
      k.text(`${golLabel} : ${gol}`, 45, y, { size, font });
      y += step;
      put('Alamat', a.street);
      put('RT/RW', a.rtrw, 2.5);
      put(kelLabel, a.kelurahan, 2.5);
      put('Kecamatan', a.kecamatan, 2.5);
      put('Agama', who.agama);
      put('Status Perkawinan', who.statusKawin);
      put('Pekerjaan', who.pekerjaan);
      put('Kewarganegaraan', 'WNI');
      put('Berlaku Hingga', lifetime ? 'SEUMUR HIDUP' : writeDate(validUntil, 'dd-mm-yyyy'));
      photo(k, 63.5, 11, 18.5, 24, who.jenis_kelamin === 'L' ? '#b8322a' : '#2a5db8');
      const small: TextStyle = { size: size * 0.88, font, align: 'center' };
      k.text(a.kabupaten.replace(/^KABUPATEN /, ''), 72.7, 38.6, small);
      k.text(writeDate(issued, 'dd-mm-yyyy'), 72.7, 41.4, small);
      signature(k, 65, 42.5, 15, 5, '#222');
    },
  ]);
}
